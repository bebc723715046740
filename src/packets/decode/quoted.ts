/**
 * The start of the packet an ICMP error is about (RFC 792, RFC 4443): its IP
 * header and the first bytes after it. Shown as one field with the inner
 * headers' fields inside, not as layers of this frame: the frame is the
 * error, and a grader looking for an echo request must not find the quoted one.
 */
import {field, hex, u16, u32} from './bytes';
import {decodeIpv4} from './ipv4';
import {decodeIpv6} from './ipv6';
import type {Context, Protocol} from './layer';
import {decodeUdp} from './udp';
import type {Field} from '../types';

const ECHO: Record<number, string> = {0: 'echo reply', 8: 'echo request', 128: 'echo request', 129: 'echo reply'};

function transport(ctx: Context, protocol: Protocol, start: number, end: number): {fields: Field[]; text: string} {
  const b = ctx.bytes;
  if (protocol === 'udp' && end - start >= 8) {
    const udp = decodeUdp(ctx, start, end);
    const text = `UDP ${u16(b, start)} → ${u16(b, start + 2)}`;
    return {fields: [field('UDP header', text, start, start + 8, udp.layer.fields)], text};
  }
  if (protocol === 'tcp' && end - start >= 4) {
    const text = `TCP ${u16(b, start)} → ${u16(b, start + 2)}`;
    const children = [
      field('Source port', u16(b, start), start, start + 2),
      field('Destination port', u16(b, start + 2), start + 2, start + 4),
    ];
    if (end - start >= 8) children.push(field('Sequence number', u32(b, start + 4), start + 4, start + 8));
    return {fields: [field('TCP header (start)', text, start, Math.min(end, start + 8), children)], text};
  }
  if ((protocol === 'icmp' || protocol === 'icmpv6') && end - start >= 8) {
    const type = b[start];
    const name = protocol === 'icmp' ? 'ICMP' : 'ICMPv6';
    const echo = protocol === 'icmp' ? type === 0 || type === 8 : type === 128 || type === 129;
    const children = [
      field('Type', type, start, start + 1),
      field('Code', b[start + 1], start + 1, start + 2),
      field('Checksum', hex(u16(b, start + 2), 4), start + 2, start + 4),
    ];
    let text = `${name} type ${type}`;
    if (echo) {
      children.push(field('Identifier', u16(b, start + 4), start + 4, start + 6));
      children.push(field('Sequence number', u16(b, start + 6), start + 6, start + 8));
      text = `${name} ${ECHO[type]} id=${u16(b, start + 4)} seq=${u16(b, start + 6)}`;
    }
    return {fields: [field(`${name} header`, text, start, start + 8, children)], text};
  }
  return {fields: [], text: ''};
}

export function quotedDatagram(ctx: Context, start: number, end: number, version: 4 | 6): Field | undefined {
  if (end <= start) return undefined;
  // A context of its own: the quoted headers must not change the outer IP addresses or TCP state.
  const inner: Context = {bytes: ctx.bytes, state: {tcpFirstSeq: new Map()}};
  const ip = version === 4 ? decodeIpv4(inner, start, end) : decodeIpv6(inner, start, end);
  if (ip.layer.info.kind !== 'ipv4' && ip.layer.info.kind !== 'ipv6') {
    return field('Original datagram', `${end - start} bytes (too short to read)`, start, end);
  }
  const headerEnd = ip.next?.start ?? ip.layer.end;
  const ipField = field(
    `IPv${version} header`,
    `${ip.layer.info.src} → ${ip.layer.info.dst}`,
    start,
    headerEnd,
    ip.layer.fields,
  );
  const rest = ip.next ? transport(inner, ip.next.protocol, ip.next.start, end) : {fields: [], text: ''};
  const value = `${ip.layer.info.src} → ${ip.layer.info.dst}${rest.text ? ` ${rest.text}` : ''}`;
  return field('Original datagram', value, start, end, [ipField, ...rest.fields]);
}
