/** File formats, link types, and what happens with files that are cut short, damaged, or not captures at all. */
import {describe, expect, test} from 'vitest';
import {CaptureError, readCapture} from '../index';
import {fixture as anySll} from './fixtures/any_sll';
import {fixture as anySll2} from './fixtures/any_sll2';
import {fixture as arpIcmp} from './fixtures/arp_icmp';
import {fixtureBytes, tsharkRows} from './fixtures/fixture';
import {fixture as ipipRaw} from './fixtures/ipip_raw';
import {fixture as ipv6} from './fixtures/ipv6';
import {fixture as pcapng} from './fixtures/pcapng';
import {fixture as tcpHttp} from './fixtures/tcp_http';
import {pcapFile, pcapngBigEndian, pcapRecords} from './rebuild';

function summaries(bytes: Uint8Array): string[] {
  return readCapture(bytes).frames.map((f) => f.summary);
}

function errorOf(bytes: Uint8Array): string {
  try {
    readCapture(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(CaptureError);
    return (e as CaptureError).message;
  }
  throw new Error('readCapture did not throw');
}

describe('file formats', () => {
  test('classic pcap from tcpdump, microseconds', () => {
    const c = readCapture(fixtureBytes(arpIcmp));
    expect(c.format).toBe('pcap');
    expect(c.linkTypes).toEqual([1]);
    expect(c.frames[0].time).toBeCloseTo(Number(tsharkRows(arpIcmp)[0]['frame.time_epoch']), 6);
  });

  test('classic pcap with nanosecond timestamps', () => {
    const bytes = fixtureBytes(ipv6);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x4d, 0x3c, 0xb2, 0xa1]);
    // tshark: 1795483427.681244408
    expect(readCapture(bytes).frames[0].time).toBeCloseTo(Number('1795483427.681244408'), 6);
  });

  test('classic pcap in big-endian order reads the same', () => {
    const bytes = fixtureBytes(tcpHttp);
    const big = pcapFile(pcapRecords(bytes), {bigEndian: true});
    expect(Array.from(big.subarray(0, 4))).toEqual([0xa1, 0xb2, 0xc3, 0xd4]);
    expect(summaries(big)).toEqual(summaries(bytes));
  });

  test('pcapng from dumpcap: two named interfaces, nanosecond timestamps', () => {
    const c = readCapture(fixtureBytes(pcapng));
    expect(c.format).toBe('pcapng');
    expect(c.linkTypes).toEqual([1]);
    expect(c.frames.map((f) => f.interfaceName)).toEqual(['va', 'va', 'va', 'va', 'lo', 'lo']);
    expect(c.frames[0].time).toBeCloseTo(Number('1795483648.486901523'), 6);
  });

  test('pcapng in big-endian order reads the same', () => {
    const bytes = fixtureBytes(pcapng);
    const big = pcapngBigEndian(bytes);
    expect(Array.from(big.subarray(8, 12))).toEqual([0x1a, 0x2b, 0x3c, 0x4d]);
    const a = readCapture(bytes);
    const b = readCapture(big);
    expect(b.frames.map((f) => [f.summary, f.time, f.interfaceName])).toEqual(
      a.frames.map((f) => [f.summary, f.time, f.interfaceName]),
    );
  });

  test('pcapng simple packet block (an enhanced one rewritten): no timestamp, the first interface', () => {
    const bytes = fixtureBytes(pcapng);
    const v = new DataView(bytes.buffer, bytes.byteOffset);
    let at = 0;
    while (v.getUint32(at, true) !== 6) at += v.getUint32(at + 4, true);
    const captured = v.getUint32(at + 20, true);
    const data = bytes.subarray(at + 28, at + 28 + captured);
    const spbLength = 16 + ((captured + 3) & ~3);
    const spb = new Uint8Array(spbLength);
    const s = new DataView(spb.buffer);
    s.setUint32(0, 3, true);
    s.setUint32(4, spbLength, true);
    s.setUint32(8, captured, true);
    spb.set(data, 12);
    s.setUint32(spbLength - 4, spbLength, true);
    const file = new Uint8Array([...bytes.subarray(0, at), ...spb]);
    const c = readCapture(file);
    expect(c.frames).toHaveLength(1);
    expect(c.frames[0].time).toBe(0);
    expect(c.frames[0].interfaceName).toBe('va');
    expect(c.frames[0].summary).toBe('ARP request: who has 10.0.0.2? tell 10.0.0.1');
  });
});

describe('link types', () => {
  test('Linux cooked v2 (tcpdump -i any): interface index and direction', () => {
    const c = readCapture(fixtureBytes(anySll2));
    expect(c.linkTypes).toEqual([276]);
    const sll = c.frames.map((f) => f.layers[0].info);
    expect(sll[0]).toMatchObject({kind: 'sll', interfaceIndex: 2, packetType: 4, protocol: 0x0806});
    expect(sll[1]).toMatchObject({kind: 'sll', interfaceIndex: 2, packetType: 0});
    expect(c.frames[0].layers[0].summary).toBe('Out ifindex 2 (sent by us), ARP');
    expect(c.frames[4].layers.map((l) => l.info.kind)).toEqual(['sll', 'ipv4', 'icmp']);
  });

  test('Linux cooked v1', () => {
    const c = readCapture(fixtureBytes(anySll));
    expect(c.linkTypes).toEqual([113]);
    expect(c.frames[0].layers[0]).toMatchObject({
      name: 'Linux cooked capture v1',
      start: 0,
      end: c.frames[0].bytes.length,
    });
    expect(c.frames[0].layers[0].info).toMatchObject({kind: 'sll', packetType: 4, protocol: 0x0806});
    expect(c.frames[2].summary).toMatch(/^10\.0\.0\.1 → 10\.0\.0\.2 ICMP echo request/);
  });

  test('raw IP (a tunnel device)', () => {
    const c = readCapture(fixtureBytes(ipipRaw));
    expect(c.linkTypes).toEqual([101]);
    expect(c.frames[0].layers.map((l) => l.info.kind)).toEqual(['ipv4', 'icmp']);
    expect(c.frames[0].summary).toMatch(/^10\.9\.0\.1 → 10\.9\.0\.2 ICMP echo request id=\d+ seq=1$/);
  });

  test('the same raw frames as link type 228 (IPv4)', () => {
    const records = pcapRecords(fixtureBytes(ipipRaw));
    expect(summaries(pcapFile(records, {linkType: 228}))).toEqual(summaries(fixtureBytes(ipipRaw)));
  });
});

describe('cut short and damaged files are read as far as they go', () => {
  const whole = fixtureBytes(tcpHttp);

  test('the last record cut short (tcpdump still writing)', () => {
    const c = readCapture(whole.subarray(0, whole.length - 10));
    expect(c.frames).toHaveLength(11);
    expect(c.problems).toHaveLength(1);
    expect(c.problems[0]).toMatch(/last record \(frame 12\) is cut short/);
  });

  test('a big capture cut at 1 MiB (what the collector keeps of a file)', () => {
    const records = pcapRecords(whole);
    const many = Array.from({length: 12000}, (_, i) => records[i % records.length]);
    const big = pcapFile(many);
    expect(big.length).toBeGreaterThan(1 << 20);
    const c = readCapture(big.subarray(0, 1 << 20));
    expect(c.frames.length).toBeGreaterThan(5000);
    expect(c.frames.length).toBeLessThan(12000);
    expect(c.problems).toHaveLength(1);
    expect(c.problems[0]).toMatch(/cut short.*cut at 1 MiB\?/);
  });

  test('cut inside a record header', () => {
    const records = pcapRecords(whole);
    const size = 24 + records.slice(0, 5).reduce((n, r) => n + 16 + r.data.length, 0);
    const c = readCapture(whole.subarray(0, size + 7));
    expect(c.frames).toHaveLength(5);
    expect(c.problems[0]).toMatch(/frame 6\) is cut short/);
  });

  test('cut inside the file header: a capture with nothing in it yet', () => {
    const c = readCapture(whole.subarray(0, 10));
    expect(c.frames).toEqual([]);
    expect(c.problems[0]).toMatch(/ends inside its 24-byte header/);
  });

  test('a pcapng cut short', () => {
    const bytes = fixtureBytes(pcapng);
    const c = readCapture(bytes.subarray(0, bytes.length - 100));
    expect(c.frames.length).toBeGreaterThan(0);
    expect(c.problems.length).toBe(1);
  });

  test('a damaged record length stops the reading there, with a reason', () => {
    const bytes = whole.slice();
    const records = pcapRecords(whole);
    const third = 24 + records.slice(0, 2).reduce((n, r) => n + 16 + r.data.length, 0);
    new DataView(bytes.buffer).setUint32(third + 8, 0x7fffffff, true);
    const c = readCapture(bytes);
    expect(c.frames).toHaveLength(2);
    expect(c.problems[0]).toMatch(/record 3 says it holds 2147483647 bytes.*damaged/);
  });

  test('frames captured short (a small snapshot length) have layer problems, not exceptions', () => {
    const records = pcapRecords(whole).map((r) => ({
      ...r,
      originalLength: r.data.length,
      data: r.data.subarray(0, 60),
    }));
    const c = readCapture(pcapFile(records));
    const request = c.frames[3];
    expect(request.capturedLength).toBe(60);
    expect(request.originalLength).toBe(137);
    const ip = request.layers.find((l) => l.info.kind === 'ipv4');
    expect(ip?.problems?.[0]).toMatch(/total length field says 123 bytes but only 46 were captured/);
    expect(request.layers.at(-1)?.problems?.[0]).toMatch(/TCP header needs 32 bytes but only 26/);
  });
});

describe('not a capture at all', () => {
  test('an empty file', () => {
    expect(errorOf(new Uint8Array())).toMatch(/^the file is empty.*tcpdump -w FILE/);
  });

  test("tcpdump's text output", () => {
    const text = new TextEncoder().encode('01:02:03.000000 IP 10.0.0.1 > 10.0.0.2: ICMP echo request\n');
    expect(errorOf(text)).toMatch(
      /^this is not a capture file: it is text, starting with '01:02:03.000000 IP 10.0.0.1 >'.*tcpdump -w FILE/,
    );
  });

  test('a short greeting', () => {
    expect(errorOf(new TextEncoder().encode('hello\n'))).toMatch(/starting with 'hello'\./);
  });

  test('some other binary file', () => {
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(errorOf(elf)).toMatch(/starts with the bytes 7f 45 4c 46.*d4 c3 b2 a1 \(pcap\)/);
  });

  test('a gzipped capture', () => {
    expect(errorOf(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]))).toMatch(/gzip/);
  });

  test('a link type the decoder does not read', () => {
    const wifi = pcapFile(pcapRecords(fixtureBytes(arpIcmp)), {linkType: 105});
    expect(errorOf(wifi)).toMatch(/link type is 105 \(IEEE 802\.11 Wi-Fi\).*tcpdump -i any -w FILE/);
  });
});
