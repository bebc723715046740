/** IPv4 (RFC 791): the header, its flags and fragment offset, and its options. */
import {bitField, field, hex, ipv4, numbered, u16, u8} from './bytes';
import {byIpProtocol, cutShort, IP_PROTOCOLS, lazyLayer, type Context, type Decoded} from './layer';
import type {Field} from '../types';

const OPTIONS: Record<number, string> = {
  0: 'End of options',
  1: 'No operation',
  7: 'Record route',
  68: 'Timestamp',
  130: 'Security',
  131: 'Loose source route',
  137: 'Strict source route',
  148: 'Router alert',
};

function options(b: Uint8Array, start: number, end: number): Field[] {
  const out: Field[] = [];
  let at = start;
  while (at < end) {
    const type = b[at];
    if (type === 0 || type === 1) {
      out.push(field(OPTIONS[type], numbered(type, OPTIONS), at, at + 1));
      at++;
      if (type === 0) break;
      continue;
    }
    const length = at + 1 < end ? b[at + 1] : 0;
    if (length < 2 || at + length > end) {
      out.push(field('Bad option', `type ${type}, length ${length} does not fit`, at, end));
      break;
    }
    out.push(field(OPTIONS[type] ?? `Option ${type}`, `type ${type}, ${length} bytes`, at, at + length));
    at += length;
  }
  return out;
}

/** The one's complement sum over the header: 0xffff when the checksum in it is right. */
function headerSum(b: Uint8Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i + 1 < end; i += 2) sum += (b[i] << 8) | b[i + 1];
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

export function decodeIpv4(ctx: Context, start: number, end: number): Decoded {
  if (end - start < 20) return cutShort('IPv4', 20, start, end);
  const b = ctx.bytes;
  const problems: string[] = [];
  const vihl = u8(b, start);
  const version = vihl >> 4;
  const headerLength = (vihl & 0x0f) * 4;
  if (version !== 4) problems.push(`the version field says ${version}, not 4`);
  if (headerLength < 20) {
    const r = cutShort('IPv4', 20, start, end);
    r.layer.problems = [`the header length field says ${headerLength} bytes; an IPv4 header has at least 20`];
    return r;
  }
  if (end - start < headerLength) return cutShort('IPv4', headerLength, start, end);
  const tos = u8(b, start + 1);
  const totalLength = u16(b, start + 2);
  const id = u16(b, start + 4);
  const flagWord = u16(b, start + 6);
  const dontFragment = (flagWord & 0x4000) !== 0;
  const moreFragments = (flagWord & 0x2000) !== 0;
  // In bytes, as tshark shows it; the header counts in units of 8.
  const fragmentOffset = (flagWord & 0x1fff) * 8;
  const ttl = u8(b, start + 8);
  const protocol = u8(b, start + 9);
  const checksum = u16(b, start + 10);
  const src = ipv4(b, start + 12);
  const dst = ipv4(b, start + 16);

  let payloadEnd = start + totalLength;
  if (totalLength < headerLength) {
    problems.push(`the total length field says ${totalLength} bytes, less than the ${headerLength}-byte header`);
    payloadEnd = end;
  } else if (payloadEnd > end) {
    problems.push(`the total length field says ${totalLength} bytes but only ${end - start} were captured`);
    payloadEnd = end;
  }
  const sumOk = headerSum(b, start, start + headerLength) === 0xffff;
  // A zero checksum on a packet we sent is the NIC's job still to do (checksum offload), not an error.
  if (!sumOk && checksum !== 0) problems.push(`the header checksum ${hex(checksum, 4)} is wrong`);

  const flagNames = [dontFragment && 'DF', moreFragments && 'MF'].filter(Boolean).join(', ');
  const fields = (): Field[] => [
    bitField('Version', version, vihl, 8, 0xf0, start),
    bitField('Header length', `${headerLength} bytes (${vihl & 0x0f})`, vihl, 8, 0x0f, start),
    field('Differentiated services', hex(tos, 2), start + 1, start + 2, [
      bitField('DSCP', tos >> 2, tos, 8, 0xfc, start + 1),
      bitField('ECN', tos & 3, tos, 8, 0x03, start + 1),
    ]),
    field('Total length', totalLength, start + 2, start + 4),
    field('Identification', `${hex(id, 4)} (${id})`, start + 4, start + 6),
    field('Flags', flagNames ? `${hex(flagWord >> 13, 1)} (${flagNames})` : '0x0', start + 6, start + 7, [
      bitField('Reserved', (flagWord >> 15) & 1, flagWord >> 8, 8, 0x80, start + 6),
      bitField("Don't fragment", dontFragment ? 'Set' : 'Not set', flagWord >> 8, 8, 0x40, start + 6),
      bitField('More fragments', moreFragments ? 'Set' : 'Not set', flagWord >> 8, 8, 0x20, start + 6),
    ]),
    bitField('Fragment offset', `${fragmentOffset} bytes`, flagWord, 16, 0x1fff, start + 6),
    field('Time to live', ttl, start + 8, start + 9),
    field('Protocol', numbered(protocol, IP_PROTOCOLS), start + 9, start + 10),
    field('Header checksum', `${hex(checksum, 4)}${sumOk ? ' (correct)' : ''}`, start + 10, start + 12),
    field('Source address', src, start + 12, start + 16),
    field('Destination address', dst, start + 16, start + 20),
    ...(headerLength > 20
      ? [
          field(
            'Options',
            `${headerLength - 20} bytes`,
            start + 20,
            start + headerLength,
            options(b, start + 20, start + headerLength),
          ),
        ]
      : []),
  ];

  ctx.ip = {src, dst};
  const later = fragmentOffset > 0;
  ctx.fragment = later ? 'later' : moreFragments ? 'first' : undefined;
  const what = IP_PROTOCOLS[protocol] ?? `protocol ${protocol}`;
  let summary = `${src} → ${dst} IPv4 ${what}, ttl ${ttl}, id ${id}`;
  if (moreFragments || later) summary += `, fragment at ${fragmentOffset}${moreFragments ? ', more follow' : ', last'}`;
  else if (dontFragment) summary += ', DF';
  summary += `, length ${totalLength}`;

  const layer = lazyLayer(
    {
      name: 'Internet Protocol Version 4',
      summary,
      start,
      end: payloadEnd,
      info: {
        kind: 'ipv4' as const,
        src,
        dst,
        ttl,
        protocol,
        id,
        dontFragment,
        moreFragments,
        fragmentOffset,
        totalLength,
      },
      ...(problems.length ? {problems} : {}),
    },
    fields,
  );
  const payload = start + headerLength;
  if (payload >= payloadEnd) return {layer};
  // A later fragment's bytes are the middle of a transport payload, not a header.
  return {layer, next: {protocol: later ? 'data' : byIpProtocol(protocol), start: payload, end: payloadEnd}};
}
