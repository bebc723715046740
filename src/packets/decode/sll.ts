/**
 * Linux "cooked" headers, which `tcpdump -i any` writes instead of Ethernet:
 * v1 (link type 113, 16 bytes) and v2 (276, 20 bytes, adds the interface index).
 */
import {field, hexBytes, mac, named, numbered, u16, u32, u8} from './bytes';
import {byEtherType, cutShort, ETHER_TYPES, lazyLayer, type Context, type Decoded} from './layer';
import type {Field} from '../types';

const PACKET_TYPES: Record<number, string> = {
  0: 'unicast to us',
  1: 'broadcast',
  2: 'multicast',
  3: 'unicast to another host',
  4: 'sent by us',
};

const HARDWARE_TYPES: Record<number, string> = {
  1: 'Ethernet',
  772: 'loopback',
  776: 'IPv6-in-IPv4',
  768: 'IPIP tunnel',
};

function address(b: Uint8Array, at: number, length: number): string {
  if (length === 6) return mac(b, at);
  return length ? hexBytes(b, at, at + Math.min(length, 8)) : '(none)';
}

function summary(packetType: number, protocol: number, ifindex: number | undefined): string {
  const where = ifindex === undefined ? '' : ` ifindex ${ifindex}`;
  const dir = packetType === 4 ? `Out${where}` : `In${where}`;
  return `${dir} (${PACKET_TYPES[packetType] ?? packetType}), ${ETHER_TYPES[protocol] ?? named(protocol, 4, ETHER_TYPES)}`;
}

export function decodeSll(ctx: Context, start: number, end: number): Decoded {
  if (end - start < 16) return cutShort('Linux cooked capture', 16, start, end);
  const b = ctx.bytes;
  const packetType = u16(b, start);
  const hardware = u16(b, start + 2);
  const length = u16(b, start + 4);
  const protocol = u16(b, start + 14);
  const source = address(b, start + 6, length);
  ctx.etherType = protocol;
  const fields = (): Field[] => [
    field('Packet type', numbered(packetType, PACKET_TYPES), start, start + 2),
    field('Link-layer address type', numbered(hardware, HARDWARE_TYPES), start + 2, start + 4),
    field('Link-layer address length', length, start + 4, start + 6),
    field('Source', source, start + 6, start + 14),
    field('Protocol', named(protocol, 4, ETHER_TYPES), start + 14, start + 16),
  ];
  return {
    layer: lazyLayer(
      {
        name: 'Linux cooked capture v1',
        summary: summary(packetType, protocol, undefined),
        start,
        end,
        info: {kind: 'sll', protocol, packetType, source},
      },
      fields,
    ),
    next: {protocol: byEtherType(protocol), start: start + 16, end},
  };
}

export function decodeSll2(ctx: Context, start: number, end: number): Decoded {
  if (end - start < 20) return cutShort('Linux cooked capture v2', 20, start, end);
  const b = ctx.bytes;
  const protocol = u16(b, start);
  const interfaceIndex = u32(b, start + 4);
  const hardware = u16(b, start + 8);
  const packetType = u8(b, start + 10);
  const length = u8(b, start + 11);
  const source = address(b, start + 12, length);
  ctx.etherType = protocol;
  const fields = (): Field[] => [
    field('Protocol', named(protocol, 4, ETHER_TYPES), start, start + 2),
    field('Reserved', u16(b, start + 2), start + 2, start + 4),
    field('Interface index', interfaceIndex, start + 4, start + 8),
    field('Link-layer address type', numbered(hardware, HARDWARE_TYPES), start + 8, start + 10),
    field('Packet type', numbered(packetType, PACKET_TYPES), start + 10, start + 11),
    field('Link-layer address length', length, start + 11, start + 12),
    field('Source', source, start + 12, start + 20),
  ];
  return {
    layer: lazyLayer(
      {
        name: 'Linux cooked capture v2',
        summary: summary(packetType, protocol, interfaceIndex),
        start,
        end,
        info: {kind: 'sll', protocol, interfaceIndex, packetType, source},
      },
      fields,
    ),
    next: {protocol: byEtherType(protocol), start: start + 20, end},
  };
}
