/**
 * The DNS message format (RFC 1035, RFC 3596 AAAA, RFC 2782 SRV, RFC 6891 OPT),
 * read by hand. Why not the npm package dns-packet: it needs Node's Buffer
 * (`require('buffer')`), which webpack 5 in Docusaurus does not polyfill, and
 * it gives no byte offsets, which the packet view needs for every field.
 * Everything DNS-specific the layer needs comes from `readDns`, so it is the
 * one function to swap.
 */
import {ascii, ipv4, ipv6, u16, u32} from './bytes';

export const RR_TYPES: Record<number, string> = {
  1: 'A',
  2: 'NS',
  5: 'CNAME',
  6: 'SOA',
  12: 'PTR',
  15: 'MX',
  16: 'TXT',
  28: 'AAAA',
  33: 'SRV',
  41: 'OPT',
  43: 'DS',
  46: 'RRSIG',
  47: 'NSEC',
  48: 'DNSKEY',
  64: 'SVCB',
  65: 'HTTPS',
  255: 'ANY',
  257: 'CAA',
};

export const RCODES: Record<number, string> = {
  0: 'NOERROR',
  1: 'FORMERR',
  2: 'SERVFAIL',
  3: 'NXDOMAIN',
  4: 'NOTIMP',
  5: 'REFUSED',
};

const CLASSES: Record<number, string> = {1: 'IN', 3: 'CH', 4: 'HS', 255: 'ANY'};

export function typeName(type: number): string {
  return RR_TYPES[type] ?? `TYPE${type}`;
}

export function className(cls: number): string {
  // mDNS uses the top bit for "unicast response" / "cache flush".
  return CLASSES[cls & 0x7fff] ?? `CLASS${cls}`;
}

export interface DnsName {
  name: string;
  /** Where the name's bytes end in place (after a pointer, not where it points). */
  end: number;
}

/** Thrown inside the reader when the message ends early or loops; `readDns` turns it into a problem. */
class Short extends Error {}

export function readName(b: Uint8Array, at: number, min: number, end: number): DnsName {
  const labels: string[] = [];
  let pos = at;
  let after = -1;
  let length = 0;
  for (let jumps = 0; ;) {
    if (pos >= end) throw new Short('a name runs past the end of the message');
    const len = b[pos];
    if (len === 0) {
      pos++;
      break;
    }
    if ((len & 0xc0) === 0xc0) {
      if (pos + 1 >= end) throw new Short('a name pointer runs past the end of the message');
      if (after < 0) after = pos + 2;
      if (++jumps > 32) throw new Short('a name loops through its pointers');
      pos = min + (((len & 0x3f) << 8) | b[pos + 1]);
      continue;
    }
    if ((len & 0xc0) !== 0 || pos + 1 + len > end) throw new Short('a name has a label that does not fit');
    labels.push(ascii(b, pos + 1, pos + 1 + len));
    length += len + 1;
    if (length > 255) throw new Short('a name is longer than 255 bytes');
    pos += 1 + len;
  }
  return {name: labels.length ? labels.join('.') : '<Root>', end: after >= 0 ? after : pos};
}

export interface DnsQuestion {
  start: number;
  end: number;
  name: DnsName & {start: number};
  type: number;
  cls: number;
}

export interface DnsRecord extends DnsQuestion {
  ttl: number;
  dataStart: number;
  /** The record data as dig prints it: "10.0.0.80", "10 mail.lab.test", "\"hello\"". */
  data: string;
}

export interface DnsMessage {
  id: number;
  flags: number;
  counts: [number, number, number, number];
  questions: DnsQuestion[];
  sections: [DnsRecord[], DnsRecord[], DnsRecord[]];
  problems: string[];
}

interface Where {
  /** The message's first byte (name pointers count from it) and the byte after it. */
  msg: number;
  msgEnd: number;
}

function rdata(b: Uint8Array, type: number, cls: number, ttl: number, w: Where, at: number, end: number): string {
  const len = end - at;
  const name = (p: number): DnsName => readName(b, p, w.msg, w.msgEnd);
  switch (type) {
    case 1:
      return len === 4 ? ipv4(b, at) : `${len} bytes`;
    case 28:
      return len === 16 ? ipv6(b, at) : `${len} bytes`;
    case 2:
    case 5:
    case 12:
      return name(at).name;
    case 15:
      if (len < 3) throw new Short('an MX record is cut short');
      return `${u16(b, at)} ${name(at + 2).name}`;
    case 33:
      if (len < 7) throw new Short('an SRV record is cut short');
      return `${u16(b, at)} ${u16(b, at + 2)} ${u16(b, at + 4)} ${name(at + 6).name}`;
    case 6: {
      const mname = name(at);
      const rname = name(mname.end);
      const p = rname.end;
      if (p + 20 > end || rname.end > end) throw new Short('an SOA record is cut short');
      const nums = [0, 4, 8, 12, 16].map((o) => u32(b, p + o)).join(' ');
      return `${mname.name} ${rname.name} ${nums}`;
    }
    case 16: {
      const strings: string[] = [];
      for (let p = at; p < end; p += 1 + b[p]) strings.push(`"${ascii(b, p + 1, Math.min(end, p + 1 + b[p]))}"`);
      return strings.join(' ');
    }
    case 41: {
      const options: string[] = [];
      for (let p = at; p + 4 <= end; p += 4 + u16(b, p + 2))
        options.push(u16(b, p) === 10 ? 'COOKIE' : `option ${u16(b, p)}`);
      const dnssec = ttl & 0x8000 ? ', DNSSEC OK' : '';
      return `UDP payload size ${cls}${dnssec}${options.length ? `, ${options.join(', ')}` : ''}`;
    }
    default:
      return `${len} bytes`;
  }
}

function record(b: Uint8Array, at: number, msg: number, end: number): DnsRecord {
  const name = readName(b, at, msg, end);
  const p = name.end;
  if (p + 10 > end) throw new Short('a record is cut short');
  const type = u16(b, p);
  const cls = u16(b, p + 2);
  const ttl = u32(b, p + 4);
  const length = u16(b, p + 8);
  if (p + 10 + length > end) throw new Short('a record says it has more data than the message holds');
  const data = rdata(b, type, cls, ttl, {msg, msgEnd: end}, p + 10, p + 10 + length);
  return {start: at, end: p + 10 + length, name: {...name, start: at}, type, cls, ttl, dataStart: p + 10, data};
}

export function readDns(b: Uint8Array, start: number, end: number): DnsMessage | undefined {
  if (end - start < 12) return undefined;
  const counts: [number, number, number, number] = [
    u16(b, start + 4),
    u16(b, start + 6),
    u16(b, start + 8),
    u16(b, start + 10),
  ];
  const m: DnsMessage = {
    id: u16(b, start),
    flags: u16(b, start + 2),
    counts,
    questions: [],
    sections: [[], [], []],
    problems: [],
  };
  let at = start + 12;
  try {
    for (let i = 0; i < counts[0]; i++) {
      const name = readName(b, at, start, end);
      if (name.end + 4 > end) throw new Short('a question is cut short');
      const q = {
        start: at,
        end: name.end + 4,
        name: {...name, start: at},
        type: u16(b, name.end),
        cls: u16(b, name.end + 2),
      };
      m.questions.push(q);
      at = q.end;
    }
    for (let s = 0; s < 3; s++) {
      for (let i = 0; i < counts[s + 1]; i++) {
        const r = record(b, at, start, end);
        m.sections[s].push(r);
        at = r.end;
      }
    }
  } catch (e) {
    if (!(e instanceof Short)) throw e;
    m.problems.push(`the message is damaged or cut short: ${e.message}`);
  }
  if (!m.problems.length && at < end) m.problems.push(`${end - at} bytes follow the last record`);
  return m;
}
