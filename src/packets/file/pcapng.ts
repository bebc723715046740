/**
 * pcapng (draft-ietf-opsawg-pcapng), what dumpcap and tshark write: blocks
 * of type, length, body, length. Section headers set the byte order,
 * interface blocks the link type, name and timestamp unit, and packets come
 * in enhanced (EPB), simple (SPB) or obsolete packet blocks. Other blocks
 * (name resolution, statistics, secrets) are skipped.
 */
import {cutShortMessage, MAX_RECORD, Reader, type RawCapture, type RawRecord} from './records';

export const SHB = 0x0a0d0d0a;
const IDB = 1;
const OBSOLETE_PB = 2;
const SPB = 3;
const EPB = 6;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

interface Interface {
  linkType: number;
  snapLength: number;
  name?: string;
  /** Timestamp units per second. */
  unitsPerSecond: number;
}

function interfaceBlock(r: Reader, body: number, end: number): Interface {
  const iface: Interface = {linkType: r.u16(body), snapLength: r.u32(body + 4), unitsPerSecond: 1e6};
  for (let at = body + 8; at + 4 <= end;) {
    const code = r.u16(at);
    const length = r.u16(at + 2);
    if (code === 0 || at + 4 + length > end) break;
    if (code === 2) iface.name = new TextDecoder().decode(r.b.subarray(at + 4, at + 4 + length)).replace(/\0+$/, '');
    if (code === 9 && length >= 1) {
      const v = r.b[at + 4];
      iface.unitsPerSecond = v & 0x80 ? 2 ** (v & 0x7f) : 10 ** v;
    }
    at += 4 + ((length + 3) & ~3);
  }
  return iface;
}

function time(high: number, low: number, iface: Interface): number {
  // Split so a nanosecond count (above 2^53) loses as little as it can in a double.
  const whole = Math.floor(high / iface.unitsPerSecond);
  const rest = (high - whole * iface.unitsPerSecond) * 4294967296 + low;
  return whole * 4294967296 + rest / iface.unitsPerSecond;
}

export function readPcapng(b: Uint8Array): RawCapture {
  const r = new Reader(b, true);
  const records: RawRecord[] = [];
  const problems: string[] = [];
  const linkTypes: number[] = [];
  let interfaces: Interface[] = [];
  let at = 0;
  while (at < b.length) {
    const n = records.length + 1;
    if (b.length - at < 12) {
      problems.push(cutShortMessage(n, 12, b.length - at));
      break;
    }
    const type = r.u32(at);
    if (type === SHB) {
      // The byte-order magic decides how to read even this block's own length.
      r.littleEndian = b[at + 8] === 0x4d;
      if (r.u32(at + 8) !== BYTE_ORDER_MAGIC) {
        problems.push(`the section header at byte ${at} has no byte-order magic: the file is damaged from there`);
        break;
      }
      interfaces = [];
    }
    const length = r.u32(at + 4);
    if (length < 12 || length % 4 !== 0) {
      problems.push(
        `the block at byte ${at} says its length is ${length}: the file is damaged from there, so reading stopped`,
      );
      break;
    }
    if (at + length > b.length) {
      if (type === EPB || type === SPB || type === OBSOLETE_PB)
        problems.push(cutShortMessage(n, length, b.length - at));
      else problems.push(`the block at byte ${at} is cut short (the file ends ${at + length - b.length} bytes early)`);
      break;
    }
    const body = at + 8;
    const end = at + length - 4;
    if (type === IDB && length >= 20) {
      const iface = interfaceBlock(r, body, end);
      interfaces.push(iface);
      linkTypes.push(iface.linkType);
    } else if (type === EPB || type === OBSOLETE_PB || type === SPB) {
      const packet = readPacket(r, type, body, end, interfaces, n);
      if (typeof packet === 'string') problems.push(packet);
      else records.push(packet);
    }
    at += length;
  }
  return {format: 'pcapng', records, linkTypes, problems};
}

function readPacket(
  r: Reader,
  type: number,
  body: number,
  end: number,
  interfaces: Interface[],
  n: number,
): RawRecord | string {
  if (type === SPB) {
    const iface = interfaces[0];
    if (!iface)
      return `frame ${n} (a simple packet block) comes before any interface block, so its link type is unknown`;
    const original = r.u32(body);
    const captured = Math.min(original, end - body - 4, iface.snapLength || MAX_RECORD);
    return {
      time: 0,
      data: r.b.subarray(body + 4, body + 4 + captured),
      originalLength: original,
      linkType: iface.linkType,
      ...name(iface),
    };
  }
  const obsolete = type === OBSOLETE_PB;
  const id = obsolete ? r.u16(body) : r.u32(body);
  const iface = interfaces[id];
  if (!iface) return `frame ${n} names interface ${id}, which no interface block declared`;
  const captured = r.u32(body + 12);
  const data = body + 20;
  if (captured > MAX_RECORD || data + captured > end)
    return `frame ${n} says it holds ${captured} bytes, more than its block: left out`;
  return {
    time: time(r.u32(body + 4), r.u32(body + 8), iface),
    data: r.b.subarray(data, data + captured),
    originalLength: r.u32(body + 16),
    linkType: iface.linkType,
    ...name(iface),
  };
}

function name(iface: Interface): {interfaceName?: string} {
  return iface.name ? {interfaceName: iface.name} : {};
}
