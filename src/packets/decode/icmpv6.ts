/** ICMPv6 (RFC 4443) with neighbour discovery (RFC 4861) and multicast listener reports (RFC 3810). */
import {bitField, field, hex, hexBytes, ipv6, mac, numbered, u16, u32} from './bytes';
import {addressPrefix, cutShort, lazyLayer, type Context, type Decoded} from './layer';
import {quotedDatagram} from './quoted';
import type {Field} from '../types';

const TYPES: Record<number, string> = {
  1: 'destination unreachable',
  2: 'packet too big',
  3: 'time exceeded',
  4: 'parameter problem',
  128: 'echo request',
  129: 'echo reply',
  130: 'multicast listener query',
  131: 'multicast listener report',
  132: 'multicast listener done',
  133: 'router solicitation',
  134: 'router advertisement',
  135: 'neighbor solicitation',
  136: 'neighbor advertisement',
  137: 'redirect',
  143: 'multicast listener report v2',
};

const UNREACHABLE: Record<number, string> = {
  0: 'no route to destination',
  1: 'administratively prohibited',
  3: 'address unreachable',
  4: 'port unreachable',
};

const ND_OPTIONS: Record<number, string> = {
  1: 'Source link-layer address',
  2: 'Target link-layer address',
  3: 'Prefix information',
  4: 'Redirected header',
  5: 'MTU',
};

function ndOptions(b: Uint8Array, start: number, end: number): Field[] {
  const out: Field[] = [];
  let at = start;
  while (at + 2 <= end) {
    const type = b[at];
    const size = b[at + 1] * 8;
    if (size === 0 || at + size > end) {
      out.push(field('Bad option', `type ${type}, length ${size} does not fit`, at, end));
      break;
    }
    let value = `${size} bytes`;
    if ((type === 1 || type === 2) && size === 8) value = mac(b, at + 2);
    else if (type === 3 && size === 32) value = `${ipv6(b, at + 16)}/${b[at + 2]}`;
    else if (type === 5 && size === 8) value = String(u32(b, at + 4));
    out.push(
      field(ND_OPTIONS[type] ?? `Option ${type}`, value, at, at + size, [
        field('Type', numbered(type, ND_OPTIONS), at, at + 1),
        field('Length', `${size} bytes (${b[at + 1]})`, at + 1, at + 2),
      ]),
    );
    at += size;
  }
  return out;
}

function mldRecords(b: Uint8Array, start: number, end: number, count: number): {fields: Field[]; groups: string[]} {
  const fields: Field[] = [];
  const groups: string[] = [];
  let at = start;
  for (let i = 0; i < count && at + 20 <= end; i++) {
    const sources = u16(b, at + 2);
    const size = 20 + b[at + 1] * 4 + sources * 16;
    const group = ipv6(b, at + 4);
    groups.push(group);
    fields.push(
      field('Multicast address record', `${group}, type ${b[at]}, ${sources} sources`, at, Math.min(end, at + size)),
    );
    at += size;
  }
  return {fields, groups};
}

/** The link-layer address an ND message carries (source or target option), for its summary. */
function linkLayerAddress(b: Uint8Array, start: number, end: number): string | undefined {
  for (let at = start; at + 8 <= end && b[at + 1] > 0; at += b[at + 1] * 8) {
    if ((b[at] === 1 || b[at] === 2) && b[at + 1] === 1) return mac(b, at + 2);
  }
  return undefined;
}

export function decodeIcmpv6(ctx: Context, start: number, end: number): Decoded {
  if (end - start < 8) return cutShort('ICMPv6', 8, start, end);
  const b = ctx.bytes;
  const type = b[start];
  const code = b[start + 1];
  const codeName = type === 1 ? UNREACHABLE[code] : undefined;
  const info: {kind: 'icmpv6'; type: number; code: number; id?: number; seq?: number; mtu?: number} = {
    kind: 'icmpv6',
    type,
    code,
  };
  let what = TYPES[type] ?? `type ${type}`;
  if (codeName) what += `: ${codeName}`;
  const echo = type === 128 || type === 129;
  const error = type >= 1 && type <= 4;
  const nd = (type === 135 || type === 136) && end - start >= 24;
  const mld1 = (type === 130 || type === 131 || type === 132) && end - start >= 24;
  let quoted: Field | undefined;
  let mld2: {fields: Field[]; groups: string[]} | undefined;
  if (echo) {
    info.id = u16(b, start + 4);
    info.seq = u16(b, start + 6);
    what += ` id=${info.id} seq=${info.seq}`;
  } else if (error) {
    if (type === 2) {
      info.mtu = u32(b, start + 4);
      what += ` (MTU ${info.mtu})`;
    }
    quoted = quotedDatagram(ctx, start + 8, end, 6);
    if (quoted) what += `, about ${quoted.value}`;
  } else if (nd) {
    const target = ipv6(b, start + 8);
    const lladdr = linkLayerAddress(b, start + 24, end);
    what =
      type === 135
        ? `neighbor solicitation: who has ${target}?`
        : `neighbor advertisement: ${target}${lladdr ? ` is at ${lladdr}` : ''}`;
  } else if (type === 143) {
    mld2 = mldRecords(b, start + 8, end, u16(b, start + 6));
    what += `: ${mld2.groups.join(', ')}`;
  }

  const fields = (): Field[] => {
    const out = [
      field('Type', numbered(type, TYPES), start, start + 1),
      field('Code', codeName ? `${code} (${codeName})` : code, start + 1, start + 2),
      field('Checksum', hex(u16(b, start + 2), 4), start + 2, start + 4),
    ];
    if (echo) {
      out.push(field('Identifier', `${info.id} (${hex(u16(b, start + 4), 4)})`, start + 4, start + 6));
      out.push(field('Sequence number', u16(b, start + 6), start + 6, start + 8));
      if (end > start + 8) out.push(field('Data', `${end - start - 8} bytes`, start + 8, end));
    } else if (error) {
      if (type === 2) out.push(field('MTU', u32(b, start + 4), start + 4, start + 8));
      else if (type === 4) out.push(field('Pointer', u32(b, start + 4), start + 4, start + 8));
      else out.push(field('Unused', hex(u32(b, start + 4), 8), start + 4, start + 8));
      if (quoted) out.push(quoted);
    } else if (nd) {
      if (type === 136) out.push(advertisementFlags(u32(b, start + 4), start + 4));
      else out.push(field('Reserved', hex(u32(b, start + 4), 8), start + 4, start + 8));
      out.push(field('Target address', ipv6(b, start + 8), start + 8, start + 24));
      out.push(...ndOptions(b, start + 24, end));
    } else if (type === 133 || type === 134) {
      out.push(...routerFields(b, type, start, end));
    } else if (mld2) {
      out.push(field('Reserved', hex(u16(b, start + 4), 4), start + 4, start + 6));
      out.push(field('Number of records', u16(b, start + 6), start + 6, start + 8));
      out.push(...mld2.fields);
    } else if (mld1) {
      out.push(field('Maximum response delay', `${u16(b, start + 4)} ms`, start + 4, start + 6));
      out.push(field('Reserved', hex(u16(b, start + 6), 4), start + 6, start + 8));
      out.push(field('Multicast address', ipv6(b, start + 8), start + 8, start + 24));
      if (end > start + 24) out.push(field('Data', hexBytes(b, start + 24, end), start + 24, end));
    } else if (end > start + 4) out.push(field('Message body', `${end - start - 4} bytes`, start + 4, end));
    return out;
  };
  const summary = `${addressPrefix(ctx)}ICMPv6 ${what}`;
  return {layer: lazyLayer({name: 'Internet Control Message Protocol v6', summary, start, end, info}, fields)};
}

function advertisementFlags(word: number, at: number): Field {
  const set = (m: number): string => ((word & m) !== 0 ? 'Set' : 'Not set');
  const names = [word & 0x80000000 && 'router', word & 0x40000000 && 'solicited', word & 0x20000000 && 'override'];
  return field('Flags', `${hex(word >>> 24, 2)} (${names.filter(Boolean).join(', ') || 'none'})`, at, at + 4, [
    bitField('Router', set(0x80000000), word, 32, 0x80000000, at),
    bitField('Solicited', set(0x40000000), word, 32, 0x40000000, at),
    bitField('Override', set(0x20000000), word, 32, 0x20000000, at),
  ]);
}

function routerFields(b: Uint8Array, type: number, start: number, end: number): Field[] {
  const out: Field[] = [];
  const fixed = type === 133 ? 8 : 16;
  if (type === 134 && end - start >= 16) {
    out.push(field('Cur hop limit', b[start + 4], start + 4, start + 5));
    out.push(field('Flags', hex(b[start + 5], 2), start + 5, start + 6));
    out.push(field('Router lifetime', `${u16(b, start + 6)} s`, start + 6, start + 8));
    out.push(field('Reachable time', `${u32(b, start + 8)} ms`, start + 8, start + 12));
    out.push(field('Retrans timer', `${u32(b, start + 12)} ms`, start + 12, start + 16));
  } else out.push(field('Reserved', hex(u32(b, start + 4), 8), start + 4, start + 8));
  out.push(...ndOptions(b, start + fixed, end));
  return out;
}
