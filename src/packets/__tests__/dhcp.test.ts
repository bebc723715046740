/** DHCP: the real DORA and release from the VM, then odd and broken messages built from the same header. */
import {describe, expect, test} from 'vitest';
import {decodeDhcp} from '../decode/dhcp';
import {readCapture} from '../index';
import type {Field, Layer, LayerInfo} from '../types';
import {fixture as dhcp} from './fixtures/dhcp';
import {fixtureBytes} from './fixtures/fixture';

type DhcpInfo = Extract<LayerInfo, {kind: 'dhcp'}>;

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

function info(layer: Layer): DhcpInfo {
  if (layer.info.kind !== 'dhcp') throw new Error(`not DHCP: ${layer.info.kind}`);
  return layer.info;
}

describe('a DHCP exchange (dhclient and dnsmasq)', () => {
  const frames = readCapture(fixtureBytes(dhcp)).frames;
  const dhcpLayer = (n: number): Layer => frames[n].layers[3];
  const infos = frames.map((f) => info(f.layers[3]));

  test('UDP 67/68 goes to the DHCP decoder', () => {
    for (const f of frames) expect(f.layers.map((l) => l.info.kind)).toEqual(['eth', 'ipv4', 'udp', 'dhcp']);
  });

  test('a refused INIT-REBOOT, then DORA under one transaction ID, then RELEASE', () => {
    const types = ['Request', 'NAK', 'Discover', 'Offer', 'Request', 'ACK', 'Release'];
    expect(infos.map((i) => i.messageType)).toEqual(types);
    expect(infos.map((i) => i.op)).toEqual([1, 2, 1, 2, 1, 2, 1]);
    expect(infos[1].xid).toBe(infos[0].xid);
    expect(new Set(infos.slice(2, 6).map((i) => i.xid)).size).toBe(1);
    expect(infos[6].xid).not.toBe(infos[2].xid);
    const xid = '0x' + infos[2].xid.toString(16).padStart(8, '0');
    expect(frames[2].summary).toBe(`0.0.0.0 → 255.255.255.255 DHCP Discover - Transaction ID ${xid}`);
    expect(frames[5].summary).toMatch(/^192\.168\.10\.2 → 192\.168\.10\.1\d\d DHCP ACK - Transaction ID /);
  });

  test('the NAK: the old address asked for, and dnsmasq says why in option 56', () => {
    expect(infos[0].options.find((o) => o.code === 50)?.value).toBe('10.99.0.5');
    expect(infos[1].options.find((o) => o.code === 56)?.value).toBe('wrong network');
  });

  test('the offer: your IP, server, and the options dnsmasq was given', () => {
    const offer = infos[3];
    expect(offer.yourIp).toMatch(/^192\.168\.10\.1\d\d$/);
    expect(offer.serverIp).toBe('192.168.10.2');
    expect(offer.clientMac).toBe(infos[2].clientMac);
    const byCode = Object.fromEntries(offer.options.map((o) => [o.code, o.value]));
    expect(byCode).toMatchObject({
      1: '255.255.255.0',
      3: '192.168.10.1',
      6: '192.168.10.53',
      15: 'lab.test',
      51: '43200 s (12 hours)',
      53: 'Offer (2)',
      54: '192.168.10.2',
      58: '21600 s (6 hours)',
      59: '37800 s (10 hours, 30 minutes)',
      119: 'lab.test, corp.lab.test',
      121: '10.20.0.0/16 via 192.168.10.1',
    });
    expect(offer.options.at(-1)).toEqual({code: 255, name: 'End', value: ''});
  });

  test('the request: requested IP, and the parameter request list by name', () => {
    const l = dhcpLayer(4);
    expect(info(l).options.find((o) => o.code === 50)?.value).toBe(infos[3].yourIp);
    const prl = fieldAt(l.fields, 'Options', 'Option (55) Parameter Request List');
    expect(prl.value).toMatch(/^Subnet Mask, Broadcast Address, .*Router, .*Domain Name Server, /);
    expect(prl.children?.[2]).toMatchObject({name: 'Parameter Request List Item', value: '(1) Subnet Mask'});
  });

  test('every field has its bytes: header at the start of the UDP payload, options after the cookie', () => {
    const l = dhcpLayer(2);
    const s = l.start;
    expect(s).toBe(14 + 20 + 8);
    expect(fieldAt(l.fields, 'Transaction ID')).toMatchObject({start: s + 4, end: s + 8});
    expect(fieldAt(l.fields, 'Client MAC address')).toMatchObject({start: s + 28, end: s + 34});
    expect(fieldAt(l.fields, 'Magic cookie')).toMatchObject({start: s + 236, end: s + 240, value: 'DHCP (0x63825363)'});
    const type = fieldAt(l.fields, 'Options', 'Option (53) DHCP Message Type');
    expect(type).toMatchObject({start: s + 240, end: s + 243, value: 'Discover (1)'});
    expect(type.children?.map((c) => [c.name, c.start, c.end])).toEqual([
      ['Option', s + 240, s + 241],
      ['Length', s + 241, s + 242],
      ['DHCP Message Type', s + 242, s + 243],
    ]);
    // dnsmasq and dhclient leave sname and file empty: not shown.
    expect(l.fields.find((f) => f.name === 'Server host name' || f.name === 'Boot file name')).toBeUndefined();
  });
});

/** A Boot Request from 02:00:00:00:00:01 with the given options after the cookie (none: no cookie either). */
function message(options?: number[], patch: (b: Uint8Array) => void = () => {}): Layer {
  const b = new Uint8Array(236 + (options ? 4 + options.length : 0));
  b.set([1, 1, 6, 0, 0xe8, 0x54, 0xbf, 0x15]);
  b.set([2, 0, 0, 0, 0, 1], 28);
  if (options) b.set([99, 130, 83, 99, ...options], 236);
  patch(b);
  return decodeDhcp({bytes: b, state: {tcpFirstSeq: new Map()}}, 0, b.length).layer;
}

const value = (l: Layer, code: number): string | undefined => info(l).options.find((o) => o.code === code)?.value;

describe('odd and broken DHCP messages', () => {
  test('the broadcast bit, sname and file', () => {
    const l = message([53, 1, 3, 255], (b) => {
      b[10] = 0x80;
      b.set(
        [...'tftp.lab'].map((c) => c.charCodeAt(0)),
        44,
      );
      b.set(
        [...'pxelinux.0'].map((c) => c.charCodeAt(0)),
        108,
      );
    });
    expect(info(l).broadcast).toBe(true);
    expect(fieldAt(l.fields, 'Flags').value).toBe('0x8000 (Broadcast)');
    expect(fieldAt(l.fields, 'Flags', 'Broadcast flag').bits).toBe('1... .... .... .... = Broadcast flag: Broadcast');
    expect(fieldAt(l.fields, 'Server host name')).toMatchObject({value: 'tftp.lab', start: 44, end: 108});
    expect(fieldAt(l.fields, 'Boot file name')).toMatchObject({value: 'pxelinux.0', start: 108, end: 236});
    expect(l.summary).toBe('DHCP Request - Transaction ID 0xe854bf15');
  });

  test('classless static routes, domain search (with a pointer) and a client identifier', () => {
    const routes = [121, 13, 24, 192, 168, 20, 192, 168, 10, 1, 0, 192, 168, 10, 254];
    const search = [119, 17, 3, 108, 97, 98, 4, 116, 101, 115, 116, 0, 4, 99, 111, 114, 112, 0xc0, 0];
    const id = [61, 7, 1, 2, 0, 0, 0, 0, 1];
    const l = message([53, 1, 5, ...routes, ...search, ...id, 255]);
    expect(l.problems).toBeUndefined();
    expect(value(l, 121)).toBe('192.168.20.0/24 via 192.168.10.1, 0.0.0.0/0 via 192.168.10.254');
    expect(value(l, 119)).toBe('lab.test, corp.lab.test');
    expect(value(l, 61)).toBe('Ethernet 02:00:00:00:00:01');
    expect(l.summary).toBe('DHCP ACK - Transaction ID 0xe854bf15');
  });

  test('option 52: the file and sname fields carry more options', () => {
    const l = message([52, 1, 3, 255], (b) => {
      b.set([53, 1, 2, 255], 108);
      b.set([15, 4, 0x6c, 0x61, 0x62, 0x73, 255], 44);
    });
    expect(l.problems).toBeUndefined();
    expect(info(l).messageType).toBe('Offer');
    expect(value(l, 15)).toBe('labs');
    expect(fieldAt(l.fields, 'Boot file name field (more options)', 'Option (53) DHCP Message Type')).toMatchObject({
      start: 108,
      end: 111,
    });
    expect(l.fields.find((f) => f.name === 'Server host name')).toBeUndefined();
    expect(message([52, 1, 1, 255]).problems).toEqual(['the options in the file field have no End option (255)']);
  });

  test('an option longer than the message: a problem, the rest marked cut short', () => {
    const l = message([53, 1, 1, 51, 4, 0, 0]);
    expect(l.problems).toEqual(['option 51 (IP Address Lease Time) says 4 bytes but only 2 are left']);
    expect(fieldAt(l.fields, 'Options', 'Option (51) IP Address Lease Time')).toMatchObject({value: 'cut short'});
    expect(l.summary).toBe('DHCP Discover - Transaction ID 0xe854bf15');
  });

  test('no End, a code with no length byte, wrong fixed lengths: problems and raw bytes', () => {
    expect(message([53, 1, 1]).problems).toEqual(['the options have no End option (255)']);
    expect(message([53, 1, 1, 50]).problems).toEqual(['option 50 (Requested IP Address) has no length byte']);
    const l = message([53, 2, 1, 0, 3, 3, 10, 0, 0, 255]);
    expect(l.problems).toEqual([
      'option 53 (DHCP Message Type) should be 1 bytes long, not 2',
      'option 3 (Router) should hold whole IPv4 addresses, not 3 bytes',
    ]);
    expect(value(l, 53)).toBe('01:00');
    expect(l.summary).toBe('BOOTP Boot Request - Transaction ID 0xe854bf15');
  });

  test('no magic cookie (plain BOOTP), and a header cut short', () => {
    const bootp = message(undefined);
    expect(bootp.problems?.[0]).toMatch(/no DHCP magic cookie/);
    expect(bootp.summary).toBe('BOOTP Boot Request - Transaction ID 0xe854bf15');
    const b = new Uint8Array(100);
    const cut = decodeDhcp({bytes: b, state: {tcpFirstSeq: new Map()}}, 0, 100).layer;
    expect(cut.problems?.[0]).toMatch(/needs 240 bytes but only 100/);
  });

  test('random options never throw, and every field stays inside the message', () => {
    let seed = 99;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const codes = [0, 1, 3, 6, 12, 50, 51, 52, 53, 55, 61, 119, 121, 255, 200];
    const bad: string[] = [];
    for (let round = 0; round < 2000; round++) {
      const options = Array.from({length: random(40)}, (_, k) => (k % 3 ? random(256) : codes[random(codes.length)]));
      const l = message(options);
      const inside = (f: Field, lo: number, hi: number): void => {
        if (!(lo <= f.start && f.start <= f.end && f.end <= hi)) bad.push(`${f.name} [${f.start},${f.end})`);
        for (const c of f.children ?? []) inside(c, f.start, f.end);
      };
      for (const f of l.fields) inside(f, l.start, l.end);
    }
    expect(bad).toEqual([]);
  });
});
