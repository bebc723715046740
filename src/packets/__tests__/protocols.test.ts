/** What learners and graders read from each protocol: typed info, summaries, and the fields behind them. */
import {describe, expect, test} from 'vitest';
import {readCapture} from '../index';
import {pcapFile, pcapRecords} from './rebuild';
import type {Field, Frame, Layer, LayerInfo} from '../types';
import {fixture as arpIcmp} from './fixtures/arp_icmp';
import {fixture as dns} from './fixtures/dns';
import {fixture as dnsAuth} from './fixtures/dns_auth';
import {fixtureBytes} from './fixtures/fixture';
import {fixture as ipv6} from './fixtures/ipv6';
import {fixture as router} from './fixtures/router';
import {fixture as tcpHttp} from './fixtures/tcp_http';
import {fixture as vlan} from './fixtures/vlan';
import {fixture as vxlan} from './fixtures/vxlan';

function kinds(frame: Frame): string[] {
  return frame.layers.map((l) => l.info.kind);
}

function layer<K extends LayerInfo['kind']>(frame: Frame, kind: K): Layer & {info: Extract<LayerInfo, {kind: K}>} {
  const found = frame.layers.find((l) => l.info.kind === kind);
  if (!found) throw new Error(`frame ${frame.number} has no ${kind} layer`);
  return found as Layer & {info: Extract<LayerInfo, {kind: K}>};
}

function fieldAt(fields: Field[], ...path: string[]): Field {
  let list: Field[] | undefined = fields;
  let f: Field | undefined;
  for (const name of path) {
    f = list?.find((x) => x.name === name);
    list = f?.children;
  }
  if (!f) throw new Error(`no field ${path.join(' > ')}`);
  return f;
}

describe('ARP and ICMP echo', () => {
  const frames = readCapture(fixtureBytes(arpIcmp)).frames;

  test('request and reply', () => {
    expect(kinds(frames[0])).toEqual(['eth', 'arp']);
    expect(layer(frames[0], 'eth').info.dst).toBe('ff:ff:ff:ff:ff:ff');
    expect(fieldAt(frames[0].layers[0].fields, 'Type').value).toBe('0x0806 (ARP)');
    expect(layer(frames[0], 'arp').info).toMatchObject({op: 1, senderIp: '10.0.0.1', targetIp: '10.0.0.2'});
    expect(layer(frames[1], 'arp').info).toMatchObject({op: 2, senderIp: '10.0.0.2', targetIp: '10.0.0.1'});
    expect(layer(frames[1], 'arp').info.senderMac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
  });

  test('echo request and reply with id and sequence', () => {
    const request = layer(frames[2], 'icmp').info;
    const reply = layer(frames[3], 'icmp').info;
    expect(request).toMatchObject({type: 8, code: 0, seq: 1});
    expect(reply).toMatchObject({type: 0, code: 0, id: request.id, seq: 1});
    expect(frames[2].summary).toBe(`10.0.0.1 → 10.0.0.2 ICMP echo request id=${request.id} seq=1`);
  });
});

describe('Ethernet padding (a real NIC pads frames to 60 bytes; veth does not, so these are padded here)', () => {
  const padded = (bytes: Uint8Array): Frame[] => {
    const records = pcapRecords(bytes).map((r) => {
      const data = new Uint8Array(Math.max(60, r.data.length));
      data.set(r.data);
      return {...r, data};
    });
    return readCapture(pcapFile(records)).frames;
  };

  test('ARP: the padding is a field of the Ethernet layer', () => {
    const frame = padded(fixtureBytes(arpIcmp))[0];
    expect(frame.layers[1]).toMatchObject({start: 14, end: 42});
    expect(frame.layers[0].fields.at(-1)).toMatchObject({name: 'Padding', value: '18 bytes', start: 42, end: 60});
  });

  test('TCP: the IP total length, not the frame, says where the segment ends', () => {
    const records = pcapRecords(fixtureBytes(tcpHttp));
    const ack = records[2];
    const data = new Uint8Array(ack.data.length + 6);
    data.set(ack.data);
    const frame = readCapture(pcapFile([{...ack, data}])).frames[0];
    expect(layer(frame, 'tcp').info.payloadLength).toBe(0);
    expect(kinds(frame)).toEqual(['eth', 'ipv4', 'tcp']);
    expect(frame.layers[0].fields.at(-1)).toMatchObject({name: 'Padding', start: 66, end: 72});
  });
});

describe('TCP', () => {
  const frames = readCapture(fixtureBytes(tcpHttp)).frames;
  const tcp = frames.map((f) => layer(f, 'tcp').info);

  test('a complete three-way handshake, as a grader would check it', () => {
    const [syn, synAck, ack] = tcp;
    expect(syn.flags).toMatchObject({syn: true, ack: false});
    expect(synAck.flags).toMatchObject({syn: true, ack: true});
    expect(ack.flags).toMatchObject({syn: false, ack: true});
    expect(synAck.ack).toBe((syn.seq + 1) >>> 0);
    expect(ack.ack).toBe((synAck.seq + 1) >>> 0);
    expect(ack.seq).toBe((syn.seq + 1) >>> 0);
    expect(syn.mss).toBe(1460);
  });

  test('summaries count sequence numbers from the start of each direction', () => {
    expect(frames[0].summary).toBe('10.0.0.1 → 10.0.0.2 TCP 36482 → 80 [SYN] seq=0 win=64240 len=0 mss=1460');
    expect(frames[1].summary).toMatch(/^10\.0\.0\.2 → 10\.0\.0\.1 TCP 80 → 36482 \[SYN, ACK\] seq=0 ack=1 /);
    expect(frames[3].summary).toBe(
      '10.0.0.1 → 10.0.0.2 TCP 36482 → 80 [PSH, ACK] seq=1 ack=1 win=2008 len=71 "GET / HTTP/1.1"',
    );
  });

  test('data and FIN', () => {
    expect(kinds(frames[3])).toEqual(['eth', 'ipv4', 'tcp', 'data']);
    expect(tcp[3].payloadLength).toBe(71);
    const fins = tcp.filter((t) => t.flags.fin);
    expect(fins).toHaveLength(2);
  });

  test('flags are children of the flags field, with their bits', () => {
    const flags = fieldAt(frames[1].layers[2].fields, 'Flags');
    expect(flags.value).toBe('0x012 (SYN, ACK)');
    expect(fieldAt(flags.children ?? [], 'SYN').bits).toBe('.... .... .... ..1. = SYN: Set');
    expect(fieldAt(flags.children ?? [], 'FIN').bits).toBe('.... .... .... ...0 = FIN: Not set');
  });

  test('options: MSS, SACK permitted, timestamps, window scale', () => {
    const options = fieldAt(frames[0].layers[2].fields, 'Options').children ?? [];
    const names = options.map((o) => o.name);
    expect(names).toEqual(
      expect.arrayContaining(['Maximum segment size', 'SACK permitted', 'Timestamps', 'Window scale']),
    );
    expect(fieldAt(options, 'Maximum segment size', 'MSS value')).toMatchObject({value: '1460', start: 56, end: 58});
    expect(fieldAt(options, 'Window scale').value).toMatch(/^shift \d+ \(multiply by \d+\)$/);
  });
});

describe('DNS', () => {
  const frames = readCapture(fixtureBytes(dns)).frames;
  const info = frames.map((f) => layer(f, 'dns').info);

  test('queries and their answers', () => {
    expect(info[0]).toMatchObject({response: false, questions: [{name: 'web.lab.test', type: 'A'}], answers: []});
    expect(info[1]).toMatchObject({id: info[0].id, response: true, rcode: 'NOERROR'});
    expect(info[1].answers).toEqual([{name: 'web.lab.test', type: 'A', ttl: 0, data: '10.0.0.80'}]);
    expect(info[3].answers[0]).toMatchObject({type: 'AAAA', data: 'fd00::80'});
    expect(info[5].answers.map((a) => `${a.type} ${a.data}`)).toEqual(['CNAME web.lab.test', 'A 10.0.0.80']);
    expect(info[7].answers[0]).toMatchObject({type: 'MX', data: '10 mail.lab.test'});
    expect(info[9].answers[0]).toMatchObject({type: 'TXT', data: '"hello netlab"'});
    expect(info[11].answers[0]).toMatchObject({type: 'SRV', data: '0 0 80 web.lab.test'});
    expect(info[13].answers[0]).toMatchObject({type: 'PTR', data: 'web.lab.test'});
    expect(info[15]).toMatchObject({rcode: 'REFUSED', answers: []});
  });

  test('summary and the EDNS record dig adds', () => {
    expect(frames[1].summary).toBe(
      `10.0.0.2 → 10.0.0.1 DNS response ${fieldAt(frames[1].layers[3].fields, 'Transaction ID').value} A web.lab.test: A 10.0.0.80`,
    );
    const additional = fieldAt(frames[0].layers[3].fields, 'Additional records').children ?? [];
    expect(additional[0].value).toMatch(/^UDP payload size \d+/);
  });
});

describe('DNS from an authoritative server', () => {
  const frames = readCapture(fixtureBytes(dnsAuth)).frames;
  const info = frames.map((f) => layer(f, 'dns').info);

  test('SOA and NS answers, and NXDOMAIN with the SOA under Authority', () => {
    expect(info[1].answers[0]).toMatchObject({name: 'lab.test', type: 'SOA', ttl: 600});
    expect(info[1].answers[0].data).toMatch(/^ns\.lab\.test hostmaster\.ns\.lab\.test \d+ 1200 180 1209600 600$/);
    expect(info[3].answers).toEqual([{name: 'lab.test', type: 'NS', ttl: 600, data: 'ns.lab.test'}]);
    expect(info[5]).toMatchObject({rcode: 'NXDOMAIN', answers: []});
    expect(fieldAt(frames[5].layers[3].fields, 'Authority').children?.[0].value).toMatch(
      /^type SOA, class IN, ns\.lab\.test /,
    );
    expect(frames[5].summary).toMatch(/DNS response 0x[0-9a-f]{4} A nosuch\.lab\.test: NXDOMAIN$/);
  });
});

describe('VLANs and VXLAN', () => {
  test('802.1Q tag with priority, and 802.1ad stacked over 802.1Q', () => {
    const frames = readCapture(fixtureBytes(vlan)).frames;
    expect(kinds(frames[2])).toEqual(['eth', 'vlan', 'ipv4', 'icmp']);
    expect(layer(frames[2], 'vlan').info).toEqual({kind: 'vlan', vid: 10, pcp: 5, etherType: 0x0800});
    expect(fieldAt(frames[2].layers[1].fields, 'Tag control', 'VLAN ID').bits).toBe(
      '.... 0000 0000 1010 = VLAN ID: 10',
    );
    const stacked = frames[6].layers;
    expect(stacked.map((l) => l.name)).toEqual([
      'Ethernet II',
      '802.1ad S-VLAN',
      '802.1Q VLAN',
      'Internet Protocol Version 4',
      'Internet Control Message Protocol',
    ]);
    expect(stacked.slice(1, 3).map((l) => l.info.kind === 'vlan' && l.info.vid)).toEqual([100, 20]);
  });

  test('VXLAN on ports 4789 and 8472: the inner frame continues in the same layers', () => {
    const frames = readCapture(fixtureBytes(vxlan)).frames;
    expect(kinds(frames[2])).toEqual(['eth', 'ipv4', 'udp', 'vxlan', 'eth', 'ipv4', 'icmp']);
    expect(layer(frames[2], 'vxlan').info.vni).toBe(42);
    expect(layer(frames[2], 'udp').info.dstPort).toBe(4789);
    expect(layer(frames[6], 'vxlan').info.vni).toBe(43);
    expect(layer(frames[6], 'udp').info.dstPort).toBe(8472);
    expect(frames[2].summary).toMatch(/^10\.42\.0\.1 → 10\.42\.0\.2 ICMP echo request/);
    expect(frames[0].summary).toMatch(/^ARP request: who has 10\.42\.0\.2\?/);
  });
});

describe('IPv6', () => {
  const frames = readCapture(fixtureBytes(ipv6)).frames;

  test('hop-by-hop options before an MLD report', () => {
    const ip = layer(frames[0], 'ipv6');
    expect(ip.info.nextHeader).toBe(0);
    const hbh = fieldAt(ip.fields, 'IPv6 hop-by-hop options');
    expect(fieldAt(hbh.children ?? [], 'Router alert').value).toBe('MLD');
    expect(layer(frames[0], 'icmpv6').info.type).toBe(143);
  });

  test('neighbour solicitation and advertisement', () => {
    expect(frames[2].summary).toBe('fd00::1 → ff02::1:ff00:2 ICMPv6 neighbor solicitation: who has fd00::2?');
    expect(layer(frames[3], 'icmpv6').info.type).toBe(136);
    expect(frames[3].summary).toMatch(
      /^fd00::2 → fd00::1 ICMPv6 neighbor advertisement: fd00::2 is at ([0-9a-f]{2}:){5}[0-9a-f]{2}$/,
    );
  });

  test('a fragmented echo: the first fragment decodes, the second is data', () => {
    expect(kinds(frames[7])).toEqual(['eth', 'ipv6', 'icmpv6']);
    expect(fieldAt(layer(frames[7], 'ipv6').fields, 'Fragment header').value).toMatch(/^offset 0, more follow/);
    expect(kinds(frames[8])).toEqual(['eth', 'ipv6', 'data']);
  });
});

describe('a router in the path', () => {
  const frames = readCapture(fixtureBytes(router)).frames;

  test('fragmentation needed, with the next-hop MTU and the quoted header', () => {
    const icmp = layer(frames[2], 'icmp');
    expect(icmp.info).toMatchObject({type: 3, code: 4, mtu: 1280});
    const quoted = fieldAt(icmp.fields, 'Original datagram');
    expect(fieldAt(quoted.children ?? [], 'IPv4 header', 'Destination address').value).toBe('10.0.2.2');
    expect(fieldAt(quoted.children ?? [], 'ICMP header', 'Type').value).toBe('8');
    expect(frames[2].summary).toMatch(
      /fragmentation needed \(next-hop MTU 1280\), about 10\.0\.1\.1 → 10\.0\.2\.2 ICMP echo request/,
    );
  });

  test('time exceeded', () => {
    expect(layer(frames[4], 'icmp').info).toMatchObject({type: 11, code: 0});
    expect(layer(frames[3], 'ipv4').info.ttl).toBe(1);
  });

  test('IPv4 fragments: flags and offsets; only the first carries a transport header', () => {
    const ips = frames.slice(5, 8).map((f) => layer(f, 'ipv4').info);
    expect(ips.map((i) => [i.moreFragments, i.fragmentOffset])).toEqual([
      [true, 0],
      [true, 1256],
      [false, 2512],
    ]);
    expect(kinds(frames[5])).toEqual(['eth', 'ipv4', 'icmp']);
    expect(kinds(frames[6])).toEqual(['eth', 'ipv4', 'data']);
    expect(fieldAt(frames[6].layers[1].fields, 'Flags', 'More fragments').bits).toBe('..1. .... = More fragments: Set');
  });

  test('ICMPv6 packet too big', () => {
    expect(layer(frames[12], 'icmpv6').info).toMatchObject({type: 2, mtu: 1280});
    expect(frames[12].summary).toMatch(/packet too big \(MTU 1280\), about fd01::1 → fd02::2 ICMPv6 echo request/);
  });
});
