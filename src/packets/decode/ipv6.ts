/**
 * IPv6 (RFC 8200): the fixed header, then the extension headers it chains
 * (hop-by-hop, routing, fragment, destination options) up to the transport.
 */
import {bitField, field, hex, ipv6, numbered, u16, u32, u8} from './bytes';
import {byIpProtocol, cutShort, IP_PROTOCOLS, lazyLayer, type Context, type Decoded} from './layer';
import type {Field} from '../types';

const OPTION_TYPES: Record<number, string> = {0: 'Pad1', 1: 'PadN', 5: 'Router alert', 194: 'Jumbo payload'};

function tlvOptions(b: Uint8Array, start: number, end: number): Field[] {
  const out: Field[] = [];
  let at = start;
  while (at < end) {
    const type = b[at];
    if (type === 0) {
      out.push(field('Pad1', '1 byte', at, at + 1));
      at++;
      continue;
    }
    const length = at + 1 < end ? b[at + 1] : 0;
    const stop = Math.min(end, at + 2 + length);
    const name = OPTION_TYPES[type] ?? `Option ${type}`;
    const value = type === 5 && length === 2 ? `${u16(b, at + 2) === 0 ? 'MLD' : u16(b, at + 2)}` : `${length} bytes`;
    out.push(field(name, value, at, stop));
    at = stop;
  }
  return out;
}

interface Extension {
  field: Field;
  next: number;
  end: number;
  fragmentOffset?: number;
  moreFragments?: boolean;
}

/** One extension header at `at`, or undefined when `type` is not one (it is the transport, or unknown). */
function extension(b: Uint8Array, type: number, at: number, end: number): Extension | 'short' | undefined {
  if (type !== 0 && type !== 43 && type !== 44 && type !== 60) return undefined;
  if (end - at < 8) return 'short';
  const next = u8(b, at);
  const nextField = field('Next header', numbered(next, IP_PROTOCOLS), at, at + 1);
  if (type === 44) {
    const word = u16(b, at + 2);
    const fragmentOffset = word & 0xfff8;
    const moreFragments = (word & 1) === 1;
    const id = u32(b, at + 4);
    const children = [
      nextField,
      field('Reserved', u8(b, at + 1), at + 1, at + 2),
      bitField('Offset', `${fragmentOffset} bytes`, word, 16, 0xfff8, at + 2),
      bitField('More fragments', moreFragments ? 'Yes' : 'No', word, 16, 0x0001, at + 2),
      field('Identification', hex(id, 8), at + 4, at + 8),
    ];
    const value = `offset ${fragmentOffset}${moreFragments ? ', more follow' : ', last'}, id ${hex(id, 8)}`;
    return {
      field: field('Fragment header', value, at, at + 8, children),
      next,
      end: at + 8,
      fragmentOffset,
      moreFragments,
    };
  }
  const size = (u8(b, at + 1) + 1) * 8;
  if (end - at < size) return 'short';
  const children = [nextField, field('Length', `${size} bytes (${u8(b, at + 1)})`, at + 1, at + 2)];
  if (type === 43) {
    children.push(field('Routing type', u8(b, at + 2), at + 2, at + 3));
    children.push(field('Segments left', u8(b, at + 3), at + 3, at + 4));
  } else children.push(...tlvOptions(b, at + 2, at + size));
  const name = IP_PROTOCOLS[type];
  return {
    field: field(name[0].toUpperCase() + name.slice(1), `${size} bytes`, at, at + size, children),
    next,
    end: at + size,
  };
}

export function decodeIpv6(ctx: Context, start: number, end: number): Decoded {
  if (end - start < 40) return cutShort('IPv6', 40, start, end);
  const b = ctx.bytes;
  const problems: string[] = [];
  const word = u32(b, start);
  const version = word >>> 28;
  if (version !== 6) problems.push(`the version field says ${version}, not 6`);
  const trafficClass = (word >>> 20) & 0xff;
  const flowLabel = word & 0xfffff;
  const payloadLength = u16(b, start + 4);
  const nextHeader = u8(b, start + 6);
  const hopLimit = u8(b, start + 7);
  const src = ipv6(b, start + 8);
  const dst = ipv6(b, start + 24);
  let payloadEnd = start + 40 + payloadLength;
  if (payloadEnd > end) {
    problems.push(`the payload length field says ${payloadLength} bytes but only ${end - start - 40} were captured`);
    payloadEnd = end;
  }
  const fixed = (): Field[] => [
    bitField('Version', version, word, 32, 0xf0000000, start),
    bitField('Traffic class', hex(trafficClass, 2), word, 32, 0x0ff00000, start),
    bitField('Flow label', hex(flowLabel, 5), word, 32, 0x000fffff, start),
    field('Payload length', payloadLength, start + 4, start + 6),
    field('Next header', numbered(nextHeader, IP_PROTOCOLS), start + 6, start + 7),
    field('Hop limit', hopLimit, start + 7, start + 8),
    field('Source address', src, start + 8, start + 24),
    field('Destination address', dst, start + 24, start + 40),
  ];

  const extensions: Field[] = [];
  let type = nextHeader;
  let at = start + 40;
  let later = false;
  let first = false;
  const seen: string[] = [];
  for (;;) {
    const ext = extension(b, type, at, payloadEnd);
    if (ext === undefined) break;
    if (ext === 'short') {
      problems.push(`the ${IP_PROTOCOLS[type]} header does not fit in the bytes that are left`);
      type = 59;
      break;
    }
    extensions.push(ext.field);
    seen.push(IP_PROTOCOLS[type]);
    if (ext.fragmentOffset !== undefined) {
      later = ext.fragmentOffset > 0;
      first = !later && ext.moreFragments === true;
      seen[seen.length - 1] = `fragment at ${ext.fragmentOffset}${ext.moreFragments ? ', more follow' : ', last'}`;
    }
    type = ext.next;
    at = ext.end;
  }

  ctx.ip = {src, dst};
  ctx.fragment = later ? 'later' : first ? 'first' : undefined;
  const what = IP_PROTOCOLS[type] ?? `protocol ${type}`;
  const layer = lazyLayer(
    {
      name: 'Internet Protocol Version 6',
      summary: `${src} → ${dst} IPv6 ${what}, hop limit ${hopLimit}${seen.length ? ` (${seen.join('; ')})` : ''}, payload ${payloadLength}`,
      start,
      end: payloadEnd,
      info: {kind: 'ipv6' as const, src, dst, hopLimit, nextHeader, payloadLength},
      ...(problems.length ? {problems} : {}),
    },
    () => fixed().concat(extensions),
  );
  if (at >= payloadEnd || type === 59) return {layer};
  return {layer, next: {protocol: later ? 'data' : byIpProtocol(type), start: at, end: payloadEnd}};
}
