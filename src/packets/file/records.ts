/** What the two file readers share: the records they find, before any protocol is decoded. */

export interface RawRecord {
  time: number;
  /** The captured bytes: a view into the file, not a copy. */
  data: Uint8Array;
  originalLength: number;
  linkType: number;
  interfaceName?: string;
}

export interface RawCapture {
  format: 'pcap' | 'pcapng';
  records: RawRecord[];
  /** Link types of the interfaces the file declares, in order. */
  linkTypes: number[];
  problems: string[];
}

/** tcpdump's default snapshot length: a record claiming more is damage, not a frame. */
export const MAX_RECORD = 262144;

/** Reads 16- and 32-bit numbers in the byte order a file (or a pcapng section) was written in. */
export class Reader {
  constructor(
    readonly b: Uint8Array,
    public littleEndian: boolean,
  ) {}

  u16(at: number): number {
    const b = this.b;
    return this.littleEndian ? b[at] | (b[at + 1] << 8) : (b[at] << 8) | b[at + 1];
  }

  u32(at: number): number {
    const b = this.b;
    return this.littleEndian
      ? (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000
      : b[at] * 0x1000000 + ((b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);
  }
}

export function cutShortMessage(frameNumber: number, need: number, have: number): string {
  return (
    `the last record (frame ${frameNumber}) is cut short: it needs ${need} bytes and the file has ${have} more. ` +
    'Was the file still being written (stop tcpdump with Ctrl-C first), or cut at 1 MiB?'
  );
}
