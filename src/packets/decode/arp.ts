/** ARP (RFC 826): who has this IPv4 address, and the answer. */
import {field, hexBytes, ipv4, mac, named, numbered, u16, u8} from './bytes';
import {cutShort, ETHER_TYPES, type Context, type Decoded, lazyLayer} from './layer';

const OPS: Record<number, string> = {1: 'request', 2: 'reply', 3: 'RARP request', 4: 'RARP reply'};

function hw(b: Uint8Array, at: number, length: number): string {
  return length === 6 ? mac(b, at) : hexBytes(b, at, at + length);
}

function proto(b: Uint8Array, at: number, length: number): string {
  return length === 4 ? ipv4(b, at) : hexBytes(b, at, at + length);
}

export function decodeArp(ctx: Context, start: number, end: number): Decoded {
  if (end - start < 8) return cutShort('ARP', 8, start, end);
  const b = ctx.bytes;
  const hlen = u8(b, start + 4);
  const plen = u8(b, start + 5);
  const size = 8 + 2 * (hlen + plen);
  if (end - start < size) return cutShort('ARP', size, start, end);
  const op = u16(b, start + 6);
  const sha = start + 8;
  const spa = sha + hlen;
  const tha = spa + plen;
  const tpa = tha + hlen;
  const senderMac = hw(b, sha, hlen);
  const senderIp = proto(b, spa, plen);
  const targetMac = hw(b, tha, hlen);
  const targetIp = proto(b, tpa, plen);
  let summary = `ARP ${OPS[op] ?? `operation ${op}`}`;
  if (op === 1) {
    summary =
      senderIp === targetIp
        ? `ARP announcement: ${senderIp} is at ${senderMac}`
        : `ARP request: who has ${targetIp}? tell ${senderIp}`;
  } else if (op === 2) summary = `ARP reply: ${senderIp} is at ${senderMac}`;
  return {
    layer: lazyLayer(
      {
        name: 'Address Resolution Protocol',
        summary,
        start,
        end: start + size,
        info: {kind: 'arp', op, senderMac, senderIp, targetMac, targetIp},
      },
      () => [
        field('Hardware type', numbered(u16(b, start), {1: 'Ethernet'}), start, start + 2),
        field('Protocol type', named(u16(b, start + 2), 4, ETHER_TYPES), start + 2, start + 4),
        field('Hardware size', hlen, start + 4, start + 5),
        field('Protocol size', plen, start + 5, start + 6),
        field('Opcode', numbered(op, OPS), start + 6, start + 8),
        field('Sender MAC address', senderMac, sha, spa),
        field('Sender IP address', senderIp, spa, tha),
        field('Target MAC address', targetMac, tha, tpa),
        field('Target IP address', targetIp, tpa, tpa + plen),
      ],
    ),
  };
}
