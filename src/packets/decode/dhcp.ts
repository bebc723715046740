/**
 * DHCP over UDP ports 67 and 68 (RFC 2131): the BOOTP header (RFC 951) every
 * message has, the magic cookie, then the options as type-length-value
 * (dhcpopts.ts). The summary reads like tshark's Info column, after the
 * addresses: "0.0.0.0 → 255.255.255.255 DHCP Discover - Transaction ID 0xe854bf15".
 */
import {ascii, bitField, field, hex, hexBytes, ipv4, mac, u16, u32} from './bytes';
import {MESSAGE_TYPES, optionField, optionName} from './dhcpopts';
import {addressPrefix, cutShort, lazyLayer, type Context, type Decoded} from './layer';
import type {Field} from '../types';

/** op, htype … file: the fixed BOOTP header, before the cookie. */
const HEADER = 236;
const COOKIE = 0x63825363;
const OPS: Record<number, string> = {1: 'Boot Request', 2: 'Boot Reply'};
const HW_TYPES: Record<number, string> = {1: 'Ethernet', 6: 'IEEE 802', 32: 'InfiniBand'};

interface Options {
  fields: Field[];
  list: {code: number; name: string; value: string}[];
  /** Where the options stop being read: End, or the first one that does not fit. */
  end: number;
  /** Option 53's value, when it is there and one byte long. */
  messageType?: number;
  /** Option 52 (RFC 2132 §9.3): 1 the file field holds more options, 2 the sname field, 3 both. */
  overload?: number;
}

/** Walk the options from `at`: Pad and End are one byte, everything else code, length, value. */
function readOptions(b: Uint8Array, at: number, end: number, problems: string[], where = 'the options'): Options {
  const fields: Field[] = [];
  const list: Options['list'] = [];
  let i = at;
  let ended = false;
  let messageType: number | undefined;
  let overload: number | undefined;
  while (i < end && !ended) {
    const code = b[i];
    if (code === 0) {
      // A run of Pad bytes is one field: a client may pad its message to the 300-byte BOOTP minimum.
      let j = i;
      while (j < end && b[j] === 0) j++;
      fields.push(field('Option (0) Pad', `${j - i} byte${j - i > 1 ? 's' : ''}`, i, j));
      i = j;
      continue;
    }
    if (code === 255) {
      fields.push(field('Option (255) End', 'end of options', i, i + 1, [field('Option', 255, i, i + 1)]));
      list.push({code, name: 'End', value: ''});
      ended = true;
      i++;
      continue;
    }
    if (i + 2 > end || i + 2 + b[i + 1] > end) {
      const have = Math.max(0, end - i - 2);
      const says = i + 2 > end ? 'has no length byte' : `says ${b[i + 1]} bytes but only ${have} are left`;
      problems.push(`option ${code} (${optionName(code)}) ${says}`);
      fields.push(field(`Option (${code}) ${optionName(code)}`, 'cut short', i, end));
      return {fields, list, end, messageType, overload};
    }
    if (code === 53 && b[i + 1] === 1) messageType = b[i + 2];
    if (code === 52 && b[i + 1] === 1) overload = b[i + 2];
    const o = optionField(b, i, problems);
    fields.push(o.field);
    list.push({code, name: optionName(code), value: o.value});
    i = o.field.end;
  }
  if (!ended) problems.push(`${where} have no End option (255)`);
  return {fields, list, end: i, messageType, overload};
}

/** A zero-terminated string field (sname, file): the text before the first zero. */
function cString(b: Uint8Array, at: number, end: number): string {
  let stop = at;
  while (stop < end && b[stop] !== 0) stop++;
  return ascii(b, at, stop);
}

function headerFields(b: Uint8Array, s: number, overload: number): Field[] {
  const op = b[s];
  const htype = b[s + 1];
  const hlen = b[s + 2];
  const flags = u16(b, s + 10);
  const out = [
    field('Message type', `${OPS[op] ?? 'Unknown'} (${op})`, s, s + 1),
    field('Hardware type', `${HW_TYPES[htype] ?? 'Unknown'} (${hex(htype, 2)})`, s + 1, s + 2),
    field('Hardware address length', hlen, s + 2, s + 3),
    field('Hops', b[s + 3], s + 3, s + 4),
    field('Transaction ID', hex(u32(b, s + 4), 8), s + 4, s + 8),
    field('Seconds elapsed', u16(b, s + 8), s + 8, s + 10),
    field('Flags', `${hex(flags, 4)} (${flags & 0x8000 ? 'Broadcast' : 'Unicast'})`, s + 10, s + 12, [
      bitField('Broadcast flag', flags & 0x8000 ? 'Broadcast' : 'Unicast', flags, 16, 0x8000, s + 10),
      bitField('Reserved flags', hex(flags & 0x7fff, 4), flags, 16, 0x7fff, s + 10),
    ]),
    field('Client IP address', ipv4(b, s + 12), s + 12, s + 16),
    field('Your (client) IP address', ipv4(b, s + 16), s + 16, s + 20),
    field('Next server IP address', ipv4(b, s + 20), s + 20, s + 24),
    field('Relay agent IP address', ipv4(b, s + 24), s + 24, s + 28),
  ];
  const chaddr = s + 28;
  const n = Math.min(hlen, 16);
  if (htype === 1 && hlen === 6) out.push(field('Client MAC address', mac(b, chaddr), chaddr, chaddr + 6));
  else if (n) out.push(field('Client hardware address', hexBytes(b, chaddr, chaddr + n), chaddr, chaddr + n));
  if (n < 16) out.push(field('Client hardware address padding', `${16 - n} bytes`, chaddr + n, chaddr + 16));
  const sname = cString(b, s + 44, s + 108);
  const file = cString(b, s + 108, s + 236);
  // Empty in almost every DHCP message (dnsmasq fills them only for network boot): shown when set.
  if (sname && !(overload & 2)) out.push(field('Server host name', sname, s + 44, s + 108));
  if (file && !(overload & 1)) out.push(field('Boot file name', file, s + 108, s + 236));
  return out;
}

function clientMac(b: Uint8Array, s: number): string {
  return b[s + 1] === 1 && b[s + 2] === 6 ? mac(b, s + 28) : hexBytes(b, s + 28, s + 28 + Math.min(b[s + 2], 16));
}

export function decodeDhcp(ctx: Context, start: number, end: number): Decoded {
  if (end - start < HEADER) return cutShort('DHCP', HEADER + 4, start, end);
  const b = ctx.bytes;
  const op = b[start];
  const xid = u32(b, start + 4);
  const flags = u16(b, start + 10);
  const problems: string[] = [];
  const hasCookie = end - start >= HEADER + 4 && u32(b, start + HEADER) === COOKIE;
  const options: Options = hasCookie
    ? readOptions(b, start + HEADER + 4, end, problems)
    : {fields: [], list: [], end: start + HEADER};
  if (!hasCookie) problems.push('no DHCP magic cookie (99.130.83.99) after the header: plain BOOTP, or not DHCP');
  // RFC 2131 §4.1: with option 52, the file field and then the sname field carry more options.
  const overload = (options.overload ?? 0) & 3;
  const more: {name: string; o: Options; start: number; end: number}[] = [];
  if (overload & 1) {
    const o = readOptions(b, start + 108, start + 236, problems, 'the options in the file field');
    more.push({name: 'Boot file name field (more options)', o, start: start + 108, end: start + 236});
  }
  if (overload & 2) {
    const o = readOptions(b, start + 44, start + 108, problems, 'the options in the sname field');
    more.push({name: 'Server host name field (more options)', o, start: start + 44, end: start + 108});
  }
  const list = [options.list, ...more.map((m) => m.o.list)].flat();
  const t = [options, ...more.map((m) => m.o)].find((o) => o.messageType !== undefined)?.messageType;
  const messageType = t === undefined ? undefined : (MESSAGE_TYPES[t] ?? `message type ${t}`);

  const fields = (): Field[] => {
    const out = headerFields(b, start, overload);
    for (const m of more) out.push(field(m.name, `${m.o.list.length}`, m.start, m.end, m.o.fields));
    if (hasCookie) out.push(field('Magic cookie', `DHCP (${hex(COOKIE, 8)})`, start + HEADER, start + HEADER + 4));
    if (options.fields.length)
      out.push(field('Options', `${options.list.length}`, start + HEADER + 4, options.end, options.fields));
    if (!hasCookie && end > start + HEADER)
      out.push(field('Vendor area', hexBytes(b, start + HEADER, end), start + HEADER, end));
    if (options.end < end && hasCookie) {
      const rest = b.subarray(options.end, end).every((x) => x === 0);
      out.push(field(rest ? 'Padding' : 'Trailing bytes', `${end - options.end} bytes`, options.end, end));
    }
    return out;
  };

  const what = messageType ? `DHCP ${messageType}` : `BOOTP ${OPS[op] ?? `op ${op}`}`;
  return {
    layer: lazyLayer(
      {
        name: 'Dynamic Host Configuration Protocol',
        summary: `${addressPrefix(ctx)}${what} - Transaction ID ${hex(xid, 8)}`,
        start,
        end,
        info: {
          kind: 'dhcp',
          op,
          xid,
          ...(messageType ? {messageType} : {}),
          broadcast: (flags & 0x8000) !== 0,
          clientIp: ipv4(b, start + 12),
          yourIp: ipv4(b, start + 16),
          serverIp: ipv4(b, start + 20),
          relayIp: ipv4(b, start + 24),
          clientMac: clientMac(b, start),
          options: list,
        },
        ...(problems.length ? {problems} : {}),
      },
      fields,
    ),
  };
}
