/** ICMP for IPv4 (RFC 792, RFC 1191): echo, destination unreachable, time exceeded, and the packet they quote. */
import {field, hex, ipv4, numbered, u16} from './bytes';
import {addressPrefix, cutShort, lazyLayer, type Context, type Decoded} from './layer';
import {quotedDatagram} from './quoted';
import type {Field} from '../types';

const TYPES: Record<number, string> = {
  0: 'echo reply',
  3: 'destination unreachable',
  4: 'source quench',
  5: 'redirect',
  8: 'echo request',
  9: 'router advertisement',
  10: 'router solicitation',
  11: 'time exceeded',
  12: 'parameter problem',
  13: 'timestamp request',
  14: 'timestamp reply',
};

const UNREACHABLE: Record<number, string> = {
  0: 'network unreachable',
  1: 'host unreachable',
  2: 'protocol unreachable',
  3: 'port unreachable',
  4: 'fragmentation needed',
  5: 'source route failed',
  6: 'destination network unknown',
  7: 'destination host unknown',
  9: 'network administratively prohibited',
  10: 'host administratively prohibited',
  13: 'communication administratively prohibited',
};

const CODES: Record<number, Record<number, string>> = {
  3: UNREACHABLE,
  5: {0: 'for the network', 1: 'for the host', 2: 'for the network and TOS', 3: 'for the host and TOS'},
  11: {0: 'TTL exceeded in transit', 1: 'fragment reassembly time exceeded'},
};

export function decodeIcmp(ctx: Context, start: number, end: number): Decoded {
  if (end - start < 8) return cutShort('ICMP', 8, start, end);
  const b = ctx.bytes;
  const type = b[start];
  const code = b[start + 1];
  const codeName = CODES[type]?.[code];
  const info: {kind: 'icmp'; type: number; code: number; id?: number; seq?: number; mtu?: number} = {
    kind: 'icmp',
    type,
    code,
  };
  let what = TYPES[type] ?? `type ${type}`;
  if (codeName && type !== 11) what += `: ${codeName}`;
  else if (codeName) what = codeName;
  const echo = type === 0 || type === 8 || type === 13 || type === 14;
  const fragNeeded = type === 3 && code === 4;
  if (echo) {
    info.id = u16(b, start + 4);
    info.seq = u16(b, start + 6);
    what += ` id=${info.id} seq=${info.seq}`;
  } else if (fragNeeded) {
    info.mtu = u16(b, start + 6);
    what += ` (next-hop MTU ${info.mtu})`;
  }
  const errorMessage = type === 3 || type === 4 || type === 5 || type === 11 || type === 12;
  const quoted = errorMessage ? quotedDatagram(ctx, start + 8, end, 4) : undefined;
  if (quoted) what += `, about ${quoted.value}`;

  const fields = (): Field[] => {
    const out = [
      field('Type', numbered(type, TYPES), start, start + 1),
      field('Code', codeName ? `${code} (${codeName})` : code, start + 1, start + 2),
      field('Checksum', hex(u16(b, start + 2), 4), start + 2, start + 4),
    ];
    if (echo) {
      out.push(field('Identifier', `${info.id} (${hex(u16(b, start + 4), 4)})`, start + 4, start + 6));
      out.push(field('Sequence number', u16(b, start + 6), start + 6, start + 8));
    } else if (fragNeeded) {
      out.push(field('Unused', hex(u16(b, start + 4), 4), start + 4, start + 6));
      out.push(field('Next-hop MTU', u16(b, start + 6), start + 6, start + 8));
    } else if (type === 5) {
      out.push(field('Gateway address', ipv4(b, start + 4), start + 4, start + 8));
    } else if (type === 12) {
      out.push(field('Pointer', b[start + 4], start + 4, start + 5));
      out.push(field('Unused', hex(b[start + 5] * 0x10000 + u16(b, start + 6), 6), start + 5, start + 8));
    } else {
      out.push(field('Unused', hex(u16(b, start + 4) * 0x10000 + u16(b, start + 6), 8), start + 4, start + 8));
    }
    if (quoted) out.push(quoted);
    else if (end > start + 8) out.push(field('Data', `${end - start - 8} bytes`, start + 8, end));
    return out;
  };
  const summary = `${addressPrefix(ctx)}ICMP ${what}`;
  return {layer: lazyLayer({name: 'Internet Control Message Protocol', summary, start, end, info}, fields)};
}
