/** One frame's bytes to its layers: the link type picks the first decoder, each decoder names the next. */
import type {Layer} from '../types';
import {decodeArp} from './arp';
import {field} from './bytes';
import {decodeData, textLine} from './data';
import {decodeDhcp} from './dhcp';
import {decodeDns} from './dns';
import {decodeEthernet} from './ethernet';
import {decodeIcmp} from './icmp';
import {decodeIcmpv6} from './icmpv6';
import {decodeIpv4} from './ipv4';
import {decodeIpv6} from './ipv6';
import {addField, type CaptureState, type Context, type Decoder, type Next, type Protocol} from './layer';
import {decodeSll, decodeSll2} from './sll';
import {decodeTcp} from './tcp';
import {decodeUdp} from './udp';
import {decodeVlan} from './vlan';
import {decodeVxlan} from './vxlan';

const DECODERS: Record<Protocol, Decoder> = {
  ethernet: decodeEthernet,
  vlan: decodeVlan,
  sll: decodeSll,
  sll2: decodeSll2,
  arp: decodeArp,
  ipv4: decodeIpv4,
  ipv6: decodeIpv6,
  icmp: decodeIcmp,
  icmpv6: decodeIcmpv6,
  tcp: decodeTcp,
  udp: decodeUdp,
  vxlan: decodeVxlan,
  dns: decodeDns,
  dhcp: decodeDhcp,
  data: decodeData,
};

export const LINK_TYPES: Record<number, string> = {
  1: 'Ethernet',
  101: 'raw IP',
  113: 'Linux cooked v1',
  228: 'raw IPv4',
  229: 'raw IPv6',
  276: 'Linux cooked v2',
};

/** A guard against a frame that nests without end (VXLAN in VXLAN in …): deeper than any real one. */
const MAX_LAYERS = 24;

function first(linkType: number, b: Uint8Array): Protocol | undefined {
  switch (linkType) {
    case 1:
      return 'ethernet';
    case 113:
      return 'sll';
    case 276:
      return 'sll2';
    case 228:
      return 'ipv4';
    case 229:
      return 'ipv6';
    case 101:
      // Raw IP says nothing about the version: the first nibble does.
      return b.length && b[0] >> 4 === 6 ? 'ipv6' : 'ipv4';
    default:
      return undefined;
  }
}

export function isKnownLinkType(linkType: number): boolean {
  return linkType in LINK_TYPES;
}

function frameSummary(bytes: Uint8Array, layers: Layer[]): string {
  let i = layers.length - 1;
  while (i > 0 && layers[i].info.kind === 'data') i--;
  const best = layers[i];
  if (!best) return '';
  const last = layers[layers.length - 1];
  if (last !== best && last.info.kind === 'data') {
    const line = textLine(bytes, last.start, last.end);
    if (line) return `${best.summary} "${line}"`;
  }
  return best.summary;
}

export function decodeFrame(
  bytes: Uint8Array,
  linkType: number,
  state: CaptureState,
): {layers: Layer[]; summary: string} {
  const ctx: Context = {bytes, state};
  const start = first(linkType, bytes);
  let next: Next | undefined = start ? {protocol: start, start: 0, end: bytes.length} : undefined;
  const layers: Layer[] = [];
  if (!next) {
    const data = decodeData(ctx, 0, bytes.length).layer;
    data.problems = [`link type ${linkType} is not one this decoder reads`];
    return {layers: [data], summary: data.summary};
  }
  while (next && next.start < next.end) {
    if (layers.length >= MAX_LAYERS) {
      const data = decodeData(ctx, next.start, next.end).layer;
      data.problems = [`more than ${MAX_LAYERS} layers deep: the rest is left as bytes`];
      layers.push(data);
      break;
    }
    const decoded = DECODERS[next.protocol](ctx, next.start, next.end);
    const layer = decoded.layer;
    const parent = layers.at(-1);
    // Bytes after a header's own length (Ethernet's padding to 60 bytes) belong to the layer that carried it.
    if (parent && layer.end < next.end) {
      const n = next.end - layer.end;
      const zero = bytes.subarray(layer.end, next.end).every((x) => x === 0);
      addField(parent, field(zero ? 'Padding' : 'Trailer', `${n} bytes`, layer.end, next.end));
    }
    layers.push(layer);
    next = decoded.next;
  }
  return {layers, summary: frameSummary(bytes, layers)};
}
