/**
 * Writes classic pcap files from records, so tests can derive the odd cases
 * (cut-short frames, a big capture, the other byte order) from real captures
 * instead of assembling packets by hand.
 */

export interface TestRecord {
  seconds: number;
  fraction: number;
  data: Uint8Array;
  originalLength?: number;
}

/** The records of a little-endian pcap file, as its bytes say them. */
export function pcapRecords(file: Uint8Array): TestRecord[] {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const out: TestRecord[] = [];
  for (let at = 24; at + 16 <= file.length;) {
    const captured = v.getUint32(at + 8, true);
    out.push({
      seconds: v.getUint32(at, true),
      fraction: v.getUint32(at + 4, true),
      originalLength: v.getUint32(at + 12, true),
      data: file.subarray(at + 16, at + 16 + captured),
    });
    at += 16 + captured;
  }
  return out;
}

export function pcapFile(records: TestRecord[], options: {linkType?: number; bigEndian?: boolean} = {}): Uint8Array {
  const size = 24 + records.reduce((n, r) => n + 16 + r.data.length, 0);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  const le = !options.bigEndian;
  v.setUint32(0, 0xa1b2c3d4, le);
  v.setUint16(4, 2, le);
  v.setUint16(6, 4, le);
  v.setUint32(16, 262144, le);
  v.setUint32(20, options.linkType ?? 1, le);
  let at = 24;
  for (const r of records) {
    v.setUint32(at, r.seconds, le);
    v.setUint32(at + 4, r.fraction, le);
    v.setUint32(at + 8, r.data.length, le);
    v.setUint32(at + 12, r.originalLength ?? r.data.length, le);
    out.set(r.data, at + 16);
    at += 16 + r.data.length;
  }
  return out;
}

/** The same pcapng file in big-endian order: block headers, interface and packet fields swapped, packet bytes as they were. */
export function pcapngBigEndian(file: Uint8Array): Uint8Array {
  const out = file.slice();
  const src = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const dst = new DataView(out.buffer);
  const u32 = (at: number): void => dst.setUint32(at, src.getUint32(at, true), false);
  const u16 = (at: number): void => dst.setUint16(at, src.getUint16(at, true), false);
  const options = (at: number, end: number): void => {
    while (at + 4 <= end) {
      const code = src.getUint16(at, true);
      const length = src.getUint16(at + 2, true);
      u16(at);
      u16(at + 2);
      if (code === 0) break;
      at += 4 + ((length + 3) & ~3);
    }
  };
  for (let at = 0; at + 12 <= file.length;) {
    const type = src.getUint32(at, true);
    const length = src.getUint32(at + 4, true);
    [at, at + 4, at + length - 4].forEach(u32);
    if (type === 0x0a0d0d0a) {
      u32(at + 8);
      u16(at + 12);
      u16(at + 14);
      options(at + 24, at + length - 4);
    } else if (type === 1) {
      u16(at + 8);
      u16(at + 10);
      u32(at + 12);
      options(at + 16, at + length - 4);
    } else if (type === 6) {
      [8, 12, 16, 20, 24].forEach((o) => u32(at + o));
      const captured = src.getUint32(at + 20, true);
      options(at + 28 + ((captured + 3) & ~3), at + length - 4);
    }
    at += length;
  }
  return out;
}
