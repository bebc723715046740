/**
 * The decoder against the real dissector: each fixture holds the VM's tshark
 * reading of the same file, and every field tshark printed must come out
 * the same here, occurrence by occurrence (outer and inner headers, and the
 * headers an ICMP error quotes).
 */
import {describe, expect, test} from 'vitest';
import {readCapture} from '../index';
import type {Field, Frame, Layer} from '../types';
import {dhcpValues} from './dhcpvalues';
import {fixtureBytes, tsharkRows} from './fixtures/fixture';
import {fixtures} from './fixtures/index';

type Values = Record<string, string[]>;

function find(fields: Field[] | undefined, name: string): Field | undefined {
  return fields?.find((f) => f.name === name);
}

function leadingNumber(value: string | undefined): string | undefined {
  return value?.match(/^(0x[0-9a-f]+|\d+)/)?.[1];
}

function hex4(n: number): string {
  return '0x' + n.toString(16).padStart(4, '0');
}

/** The headers an ICMP error quotes, as tshark lists them after the outer ones. */
function quoted(layer: Layer): {ip?: Field; inner?: Field} {
  const datagram = find(layer.fields, 'Original datagram');
  const ip = find(datagram?.children, 'IPv4 header') ?? find(datagram?.children, 'IPv6 header');
  const inner = datagram?.children?.find((f) => f.name !== ip?.name);
  return {ip, inner};
}

function add(v: Values, key: string, value: string | number | undefined): void {
  if (value === undefined) return;
  (v[key] ??= []).push(String(value));
}

function quotedIpv4(v: Values, ip: Field): void {
  const c = ip.children;
  add(v, 'ip.src', find(c, 'Source address')?.value);
  add(v, 'ip.dst', find(c, 'Destination address')?.value);
  add(v, 'ip.ttl', find(c, 'Time to live')?.value);
  add(v, 'ip.proto', leadingNumber(find(c, 'Protocol')?.value));
  add(v, 'ip.id', leadingNumber(find(c, 'Identification')?.value));
  const flags = find(c, 'Flags')?.children;
  add(v, 'ip.flags.df', find(flags, "Don't fragment")?.value === 'Set' ? 1 : 0);
  add(v, 'ip.flags.mf', find(flags, 'More fragments')?.value === 'Set' ? 1 : 0);
  add(v, 'ip.frag_offset', Number(leadingNumber(find(c, 'Fragment offset')?.value)) / 8);
  add(v, 'ip.len', find(c, 'Total length')?.value);
}

function quotedIpv6(v: Values, ip: Field): void {
  const c = ip.children;
  add(v, 'ipv6.src', find(c, 'Source address')?.value);
  add(v, 'ipv6.dst', find(c, 'Destination address')?.value);
  add(v, 'ipv6.nxt', leadingNumber(find(c, 'Next header')?.value));
  add(v, 'ipv6.hlim', find(c, 'Hop limit')?.value);
}

function quotedInner(v: Values, inner: Field, prefix: 'icmp' | 'icmpv6'): void {
  const c = inner.children;
  add(v, `${prefix}.type`, find(c, 'Type')?.value);
  add(v, `${prefix}.code`, find(c, 'Code')?.value);
  const id = prefix === 'icmp' ? 'icmp.ident' : 'icmpv6.echo.identifier';
  const seq = prefix === 'icmp' ? 'icmp.seq' : 'icmpv6.echo.sequence_number';
  const ident = find(c, 'Identifier')?.value;
  add(v, id, prefix === 'icmp' || ident === undefined ? ident : hex4(Number(ident)));
  add(v, seq, find(c, 'Sequence number')?.value);
}

function dnsRecords(layer: Layer): Field[] {
  return ['Answers', 'Authority', 'Additional records'].flatMap((s) => find(layer.fields, s)?.children ?? []);
}

/** The decoder's values under tshark's field names. */
function values(frame: Frame): Values {
  const v: Values = {};
  add(v, 'frame.number', frame.number);
  add(v, 'frame.len', frame.originalLength);
  add(v, 'frame.cap_len', frame.capturedLength);
  add(v, 'frame.interface_name', frame.interfaceName);
  for (const layer of frame.layers) {
    const i = layer.info;
    switch (i.kind) {
      case 'sll':
        add(v, 'sll.pkttype', i.packetType);
        add(v, 'sll.ifindex', i.interfaceIndex);
        break;
      case 'eth':
        add(v, 'eth.src', i.src);
        add(v, 'eth.dst', i.dst);
        add(v, 'eth.type', hex4(i.etherType));
        break;
      case 'vlan':
        // tshark names an 802.1ad outer tag's fields ieee8021ad.*, not vlan.*.
        if (layer.name.startsWith('802.1ad')) break;
        add(v, 'vlan.id', i.vid);
        add(v, 'vlan.priority', i.pcp);
        add(v, 'vlan.etype', hex4(i.etherType));
        break;
      case 'arp':
        add(v, 'arp.opcode', i.op);
        add(v, 'arp.src.hw_mac', i.senderMac);
        add(v, 'arp.src.proto_ipv4', i.senderIp);
        add(v, 'arp.dst.proto_ipv4', i.targetIp);
        break;
      case 'ipv4':
        add(v, 'ip.src', i.src);
        add(v, 'ip.dst', i.dst);
        add(v, 'ip.ttl', i.ttl);
        add(v, 'ip.proto', i.protocol);
        add(v, 'ip.id', hex4(i.id));
        add(v, 'ip.flags.df', i.dontFragment ? 1 : 0);
        add(v, 'ip.flags.mf', i.moreFragments ? 1 : 0);
        // tshark 4.0 counts the offset in 8-byte units, as the header does; the decoder says bytes.
        add(v, 'ip.frag_offset', i.fragmentOffset / 8);
        add(v, 'ip.len', i.totalLength);
        break;
      case 'ipv6':
        add(v, 'ipv6.src', i.src);
        add(v, 'ipv6.dst', i.dst);
        add(v, 'ipv6.nxt', i.nextHeader);
        add(v, 'ipv6.hlim', i.hopLimit);
        break;
      case 'icmp':
      case 'icmpv6': {
        const p = i.kind;
        add(v, `${p}.type`, i.type);
        add(v, `${p}.code`, i.code);
        // tshark prints the ICMPv6 identifier in hex and the ICMP one in decimal.
        add(
          v,
          p === 'icmp' ? 'icmp.ident' : 'icmpv6.echo.identifier',
          p === 'icmp' || i.id === undefined ? i.id : hex4(i.id),
        );
        add(v, p === 'icmp' ? 'icmp.seq' : 'icmpv6.echo.sequence_number', i.seq);
        add(v, `${p}.mtu`, i.mtu);
        if (i.type === 135) add(v, 'icmpv6.nd.ns.target_address', find(layer.fields, 'Target address')?.value);
        const q = quoted(layer);
        if (q.ip) (p === 'icmp' ? quotedIpv4 : quotedIpv6)(v, q.ip);
        if (q.inner) quotedInner(v, q.inner, p);
        break;
      }
      case 'tcp':
        add(v, 'tcp.srcport', i.srcPort);
        add(v, 'tcp.dstport', i.dstPort);
        add(v, 'tcp.seq_raw', i.seq);
        add(v, 'tcp.ack_raw', i.ack);
        add(v, 'tcp.flags', hex4(Number(leadingNumber(find(layer.fields, 'Flags')?.value))));
        add(v, 'tcp.window_size_value', i.window);
        add(v, 'tcp.len', i.payloadLength);
        add(v, 'tcp.options.mss_val', i.mss);
        break;
      case 'udp':
        add(v, 'udp.srcport', i.srcPort);
        add(v, 'udp.dstport', i.dstPort);
        add(v, 'udp.length', i.length);
        break;
      case 'vxlan':
        add(v, 'vxlan.vni', i.vni);
        break;
      case 'dhcp':
        dhcpValues((key, value) => add(v, key, value), layer, frame.bytes);
        break;
      case 'dns': {
        add(v, 'dns.id', hex4(i.id));
        add(v, 'dns.flags.response', i.response ? 1 : 0);
        if (i.response) add(v, 'dns.flags.rcode', Number(leadingNumber(find(layer.fields, 'Flags')?.value)) & 15);
        for (const q of find(layer.fields, 'Queries')?.children ?? []) {
          add(v, 'dns.qry.name', find(q.children, 'Name')?.value);
          add(v, 'dns.qry.type', find(q.children, 'Type')?.value.match(/\((\d+)\)/)?.[1]);
        }
        for (const r of dnsRecords(layer)) {
          const type = find(r.children, 'Type')?.value ?? '';
          // tshark 4.0 files an SRV record's owner name under dns.srv.* instead.
          if (!type.startsWith('SRV')) add(v, 'dns.resp.name', find(r.children, 'Name')?.value);
          add(v, 'dns.resp.type', type.match(/\((\d+)\)/)?.[1]);
          if (!type.startsWith('OPT')) add(v, 'dns.resp.ttl', leadingNumber(find(r.children, 'Time to live')?.value));
          const data = r.children?.at(-1)?.value;
          if (type.startsWith('A ')) add(v, 'dns.a', data);
          if (type.startsWith('AAAA ')) add(v, 'dns.aaaa', data);
          if (type.startsWith('CNAME ')) add(v, 'dns.cname', data);
          if (type.startsWith('NS ')) add(v, 'dns.ns', data);
          if (type.startsWith('SOA ')) add(v, 'dns.soa.mname', data?.split(' ')[0]);
        }
        break;
      }
    }
  }
  return v;
}

/** tshark reassembles fragments and decodes the transport in the last one; the decoder reads the first. */
function fragmented(frame: Frame): boolean {
  return frame.layers.some(
    (l) =>
      (l.info.kind === 'ipv4' && (l.info.moreFragments || l.info.fragmentOffset > 0)) ||
      (l.info.kind === 'ipv6' && l.fields.some((f) => f.name === 'Fragment header')),
  );
}

const TRANSPORT = /^(icmp|icmpv6|tcp|udp|dns|dhcp)\./;

describe.each(fixtures.map((f) => [f.name, f] as const))('%s agrees with tshark', (_, fixture) => {
  const capture = readCapture(fixtureBytes(fixture));
  const rows = tsharkRows(fixture);

  test('same number of frames', () => {
    expect(capture.frames.length).toBe(rows.length);
    expect(capture.problems).toEqual([]);
  });

  test.each(rows.map((r) => [Number(r['frame.number']), r] as const))('frame %i', (n, row) => {
    const frame = capture.frames[n - 1];
    const mine = values(frame);
    const skipTransport = fragmented(frame);
    expect(frame.time).toBeCloseTo(Number(row['frame.time_epoch']), 6);
    const got: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const [key, value] of Object.entries(row)) {
      if (key === 'frame.time_epoch' || (skipTransport && TRANSPORT.test(key))) continue;
      // tshark pads the DHCP message type to eight columns ("DHCP ACK      - …"); the summary does not.
      want[key] = key === '_ws.col.Info' ? value.replace(/ +/g, ' ') : value;
      got[key] = (mine[key] ?? []).join(',');
    }
    expect(got).toEqual(want);
  });
});
