/** Reading numbers and addresses out of a frame, and formatting them as a learner reads them. */
import ipaddr from 'ipaddr.js';
import type {Field} from '../types';

const HEX = Array.from({length: 256}, (_, i) => i.toString(16).padStart(2, '0'));

export function u8(b: Uint8Array, at: number): number {
  return b[at];
}

export function u16(b: Uint8Array, at: number): number {
  return (b[at] << 8) | b[at + 1];
}

export function u24(b: Uint8Array, at: number): number {
  return (b[at] << 16) | (b[at + 1] << 8) | b[at + 2];
}

/** Unsigned: `<<` would make the top bit a sign. */
export function u32(b: Uint8Array, at: number): number {
  return b[at] * 0x1000000 + ((b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);
}

export function hex(n: number, digits: number): string {
  return '0x' + n.toString(16).padStart(digits, '0');
}

export function mac(b: Uint8Array, at: number): string {
  return `${HEX[b[at]]}:${HEX[b[at + 1]]}:${HEX[b[at + 2]]}:${HEX[b[at + 3]]}:${HEX[b[at + 4]]}:${HEX[b[at + 5]]}`;
}

export function ipv4(b: Uint8Array, at: number): string {
  return `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;
}

/** Addresses already formatted: a capture repeats the same few, and ipaddr.js takes microseconds for each. */
const ipv6Cache = new Map<string, string>();

/** The compressed form ("fd00::1"), as `ip addr` and tshark print it. */
export function ipv6(b: Uint8Array, at: number): string {
  const key = `${u32(b, at)}.${u32(b, at + 4)}.${u32(b, at + 8)}.${u32(b, at + 12)}`;
  let text = ipv6Cache.get(key);
  if (text === undefined) {
    text = ipaddr.fromByteArray(Array.from(b.subarray(at, at + 16))).toString();
    if (ipv6Cache.size > 4096) ipv6Cache.clear();
    ipv6Cache.set(key, text);
  }
  return text;
}

/** Hex bytes with colons, for short opaque values (hardware addresses of odd lengths). */
export function hexBytes(b: Uint8Array, start: number, end: number): string {
  const parts: string[] = [];
  for (let i = start; i < end; i++) parts.push(HEX[b[i]]);
  return parts.join(':');
}

export function field(name: string, value: string | number, start: number, end: number, children?: Field[]): Field {
  const f: Field = {name, value: String(value), start, end};
  if (children) f.children = children;
  return f;
}

/** Bit patterns already drawn, by width, mask and masked value: frames repeat the same few. */
const patterns = new Map<number, string>();

function pattern(masked: number, width: 8 | 16 | 32, mask: number): string {
  // 8- and 16-bit patterns keyed by one exact number (width, mask, value); 32-bit ones (IPv6 flow
  // labels, which vary) are drawn each time.
  const key = width === 32 ? -1 : (width === 8 ? 0 : 1) * 2 ** 33 + mask * 2 ** 16 + masked;
  const hit = key >= 0 ? patterns.get(key) : undefined;
  if (hit !== undefined) return hit;
  const chars: string[] = [];
  for (let bit = width - 1; bit >= 0; bit--) {
    const m = 2 ** bit;
    chars.push(Math.floor(mask / m) % 2 ? String(Math.floor(masked / m) % 2) : '.');
    if (bit % 4 === 0 && bit > 0) chars.push(' ');
  }
  const drawn = chars.join('');
  if (key >= 0) patterns.set(key, drawn);
  return drawn;
}

/**
 * A field narrower than its bytes, drawn the way Wireshark does:
 * "0100 .... = Version: 4" for the mask 0xf0 of the byte 0x45.
 */
export function bitField(
  name: string,
  value: string | number,
  word: number,
  width: 8 | 16 | 32,
  mask: number,
  start: number,
): Field {
  const masked = width === 32 ? (word & mask) >>> 0 : word & mask;
  return {
    name,
    value: String(value),
    start,
    end: start + width / 8,
    bits: `${pattern(masked, width, mask)} = ${name}: ${value}`,
  };
}

/** The common "0x0800 (IPv4)" form: a number with its meaning when known. */
export function named(n: number, digits: number, names: Record<number, string>): string {
  const name = names[n];
  return name ? `${hex(n, digits)} (${name})` : hex(n, digits);
}

/** A decimal number with its meaning when known: "6 (TCP)". */
export function numbered(n: number, names: Record<number, string>): string {
  const name = names[n];
  return name ? `${n} (${name})` : String(n);
}

/** Printable ASCII as is, anything else as a dot, for a short look at payload bytes. */
export function ascii(b: Uint8Array, start: number, end: number): string {
  const out: number[] = [];
  for (let i = start; i < end; i++) out.push(b[i] >= 0x20 && b[i] < 0x7f ? b[i] : 0x2e);
  return String.fromCharCode(...out);
}
