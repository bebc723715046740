/**
 * The classic pcap file (what `tcpdump -w` writes): a 24-byte header, then
 * records of a 16-byte header and the frame. Either byte order; the magic
 * number also says whether timestamps count micro- or nanoseconds.
 */
import {cutShortMessage, MAX_RECORD, Reader, type RawCapture, type RawRecord} from './records';

export const PCAP_MAGIC = 0xa1b2c3d4;
export const PCAP_NANO_MAGIC = 0xa1b23c4d;

export function readPcap(b: Uint8Array): RawCapture {
  const littleEndian = b[0] === 0xd4 || b[0] === 0x4d;
  const r = new Reader(b, littleEndian);
  const problems: string[] = [];
  if (b.length < 24) {
    problems.push(`the file ends inside its 24-byte header (${b.length} bytes): was tcpdump still starting?`);
    return {format: 'pcap', records: [], linkTypes: [], problems};
  }
  const nano = r.u32(0) === PCAP_NANO_MAGIC;
  const divisor = nano ? 1e9 : 1e6;
  // The top bits of the link type field may carry FCS information (pcap-savefile(5)); the type is the low 16.
  const linkType = r.u32(20) & 0xffff;
  const records: RawRecord[] = [];
  let at = 24;
  while (at < b.length) {
    const n = records.length + 1;
    if (b.length - at < 16) {
      problems.push(cutShortMessage(n, 16, b.length - at));
      break;
    }
    const captured = r.u32(at + 8);
    const original = r.u32(at + 12);
    if (captured > MAX_RECORD) {
      problems.push(
        `record ${n} says it holds ${captured} bytes, more than any frame: the file is damaged from byte ${at} on, so reading stopped there`,
      );
      break;
    }
    if (at + 16 + captured > b.length) {
      problems.push(cutShortMessage(n, 16 + captured, b.length - at));
      break;
    }
    if (captured > original)
      problems.push(`record ${n} says it captured ${captured} bytes of a ${original}-byte frame`);
    records.push({
      time: r.u32(at) + r.u32(at + 4) / divisor,
      data: b.subarray(at + 16, at + 16 + captured),
      originalLength: original,
      linkType,
    });
    at += 16 + captured;
  }
  return {format: 'pcap', records, linkTypes: [linkType], problems};
}
