/**
 * DHCP options (RFC 2132, RFC 3397 domain search, RFC 3442 classless routes):
 * names, and each value read the way a learner checks it against dnsmasq's
 * or dhclient's configuration. One option in, one field (with its type,
 * length and value as children) out; a value that does not fit its type is
 * shown as bytes with a problem, never read past its length.
 */
import {ascii, field, hexBytes, ipv4, mac, u16, u32} from './bytes';
import {readName} from './dnswire';
import type {Field} from '../types';

export const OPTION_NAMES: Record<number, string> = {
  0: 'Pad',
  1: 'Subnet Mask',
  2: 'Time Offset',
  3: 'Router',
  4: 'Time Server',
  5: 'Name Server',
  6: 'Domain Name Server',
  7: 'Log Server',
  12: 'Host Name',
  15: 'Domain Name',
  26: 'Interface MTU',
  28: 'Broadcast Address',
  33: 'Static Route',
  42: 'Network Time Protocol Servers',
  43: 'Vendor-Specific Information',
  44: 'NetBIOS over TCP/IP Name Server',
  47: 'NetBIOS over TCP/IP Scope',
  50: 'Requested IP Address',
  51: 'IP Address Lease Time',
  52: 'Option Overload',
  53: 'DHCP Message Type',
  54: 'DHCP Server Identifier',
  55: 'Parameter Request List',
  56: 'Message',
  57: 'Maximum DHCP Message Size',
  58: 'Renewal Time Value',
  59: 'Rebinding Time Value',
  60: 'Vendor class identifier',
  61: 'Client identifier',
  66: 'TFTP Server Name',
  67: 'Bootfile name',
  80: 'Rapid Commit',
  81: 'Client Fully Qualified Domain Name',
  82: 'Agent Information Option',
  100: 'PCode',
  101: 'TCode',
  108: 'IPv6-Only Preferred',
  114: 'DHCP Captive-Portal',
  116: 'DHCP Auto-Configuration',
  119: 'Domain Search',
  121: 'Classless Static Route',
  249: 'Private/Classless Static Route (Microsoft)',
  252: 'Private/Proxy autodiscovery',
  255: 'End',
};

/** Option 53's values (RFC 2132 §9.6, RFC 3203 FORCERENEW, RFC 4388 lease query), as tshark spells them. */
export const MESSAGE_TYPES: Record<number, string> = {
  1: 'Discover',
  2: 'Offer',
  3: 'Request',
  4: 'Decline',
  5: 'ACK',
  6: 'NAK',
  7: 'Release',
  8: 'Inform',
  9: 'Force Renew',
  10: 'Lease query',
  11: 'Lease Unassigned',
  12: 'Lease Unknown',
  13: 'Lease Active',
};

export function optionName(code: number): string {
  return OPTION_NAMES[code] ?? 'Unknown';
}

const ADDRESS = new Set([1, 28, 50, 54]);
const ADDRESSES = new Set([3, 4, 5, 6, 7, 42, 44]);
const TEXT = new Set([12, 14, 15, 17, 40, 47, 56, 60, 66, 67, 100, 101, 114]);
const SECONDS = new Set([51, 58, 59]);

/** "43200 s (12 hours)": seconds as dnsmasq's lease time is written (12h). */
export function duration(s: number): string {
  if (s === 0xffffffff) return `${s} s (infinite)`;
  const units: [number, string][] = [
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  const parts: string[] = [];
  let left = s;
  for (const [n, unit] of units) {
    const k = Math.floor(left / n);
    if (k) parts.push(`${k} ${unit}${k > 1 ? 's' : ''}`);
    left -= k * n;
  }
  if (left || !parts.length) parts.push(`${left} second${left === 1 ? '' : 's'}`);
  return `${s} s (${parts.join(', ')})`;
}

/** One option's value: its text, the fields under it, and what is wrong with it. */
interface Value {
  text: string;
  children: Field[];
  problem?: string;
}

function raw(b: Uint8Array, at: number, end: number, problem?: string): Value {
  const text = end > at ? hexBytes(b, at, end) : '(empty)';
  return {text, children: end > at ? [field('Value', text, at, end)] : [], problem};
}

function addresses(b: Uint8Array, at: number, end: number, name: string): Value {
  const children: Field[] = [];
  for (let i = at; i + 4 <= end; i += 4) children.push(field(name, ipv4(b, i), i, i + 4));
  return {text: children.map((c) => c.value).join(', '), children};
}

/** RFC 3442: a prefix length, only the significant bytes of the destination, then the router. */
function classlessRoutes(b: Uint8Array, at: number, end: number): Value {
  const children: Field[] = [];
  for (let i = at; i < end;) {
    const width = b[i];
    const significant = Math.ceil(width / 8);
    const next = i + 1 + significant + 4;
    if (width > 32 || next > end) return raw(b, at, end, 'a classless static route does not fit its option');
    const dest = [0, 0, 0, 0].map((_, k) => (k < significant ? b[i + 1 + k] : 0)).join('.');
    const router = ipv4(b, i + 1 + significant);
    children.push(field('Route', `${dest}/${width} via ${router}`, i, next));
    i = next;
  }
  return {text: children.map((c) => c.value).join(', '), children};
}

/** RFC 3397: DNS names, compressed against the option's own data. */
function domainSearch(b: Uint8Array, at: number, end: number): Value {
  const children: Field[] = [];
  try {
    for (let i = at; i < end;) {
      const n = readName(b, i, at, end);
      children.push(field('Domain', n.name, i, n.end));
      i = n.end;
    }
  } catch {
    return raw(b, at, end, 'the domain search list has a name that does not fit (or it is split over several options)');
  }
  return {text: children.map((c) => c.value).join(', '), children};
}

function clientId(b: Uint8Array, at: number, end: number): Value {
  if (end - at === 7 && b[at] === 1) {
    const text = `Ethernet ${mac(b, at + 1)}`;
    return {
      text,
      children: [
        field('Hardware type', 'Ethernet (0x01)', at, at + 1),
        field('Client MAC address', mac(b, at + 1), at + 1, end),
      ],
    };
  }
  return raw(b, at, end);
}

function valueOf(code: number, b: Uint8Array, at: number, end: number): Value {
  const len = end - at;
  const fixed = (n: number, read: () => Value): Value =>
    len === n ? read() : raw(b, at, end, `option ${code} (${optionName(code)}) should be ${n} bytes long, not ${len}`);
  const one = (text: string): Value => ({text, children: [field(optionName(code), text, at, end)]});
  if (ADDRESS.has(code)) return fixed(4, () => one(ipv4(b, at)));
  if (ADDRESSES.has(code)) {
    if (len === 0 || len % 4)
      return raw(b, at, end, `option ${code} (${optionName(code)}) should hold whole IPv4 addresses, not ${len} bytes`);
    return addresses(b, at, end, optionName(code));
  }
  if (TEXT.has(code)) return one(ascii(b, at, end));
  if (SECONDS.has(code)) return fixed(4, () => one(duration(u32(b, at))));
  switch (code) {
    case 53:
      return fixed(1, () => one(`${MESSAGE_TYPES[b[at]] ?? 'Unknown'} (${b[at]})`));
    case 55: {
      const children: Field[] = [];
      for (let i = at; i < end; i++)
        children.push(field('Parameter Request List Item', `(${b[i]}) ${optionName(b[i])}`, i, i + 1));
      return {text: Array.from(b.subarray(at, end), optionName).join(', '), children};
    }
    case 26:
    case 57:
      return fixed(2, () => one(String(u16(b, at))));
    case 61:
      return clientId(b, at, end);
    case 119:
      return domainSearch(b, at, end);
    case 121:
    case 249:
      return classlessRoutes(b, at, end);
    default:
      return raw(b, at, end);
  }
}

/** Option `code` whose `len` value bytes start at `at + 2`; the caller has checked they are all there. */
export function optionField(
  b: Uint8Array,
  at: number,
  problems: string[],
): {field: Field; code: number; value: string} {
  const code = b[at];
  const len = b[at + 1];
  const v = valueOf(code, b, at + 2, at + 2 + len);
  if (v.problem) problems.push(v.problem);
  const children = [field('Option', code, at, at + 1), field('Length', len, at + 1, at + 2), ...v.children];
  return {
    field: field(`Option (${code}) ${optionName(code)}`, v.text, at, at + 2 + len, children),
    code,
    value: v.text,
  };
}
