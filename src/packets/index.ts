/**
 * The packet decoder: a capture file's bytes to frames and layers. Pure
 * TypeScript, for the browser's packet view and for graders in Node; the
 * VM's tshark takes seconds per file on the emulated CPU.
 */
import {decodeFrame, isKnownLinkType, LINK_TYPES} from './decode/frame';
import type {CaptureState} from './decode/layer';
import {PCAP_MAGIC, PCAP_NANO_MAGIC, readPcap} from './file/pcap';
import {readPcapng, SHB} from './file/pcapng';
import type {RawCapture} from './file/records';
import type {Capture, Frame} from './types';

export type {Capture, Field, Frame, Layer, LayerInfo, TcpFlags} from './types';

const SAVE_ONE = 'Save one with `tcpdump -w FILE` (or `tcpdump -i any -w FILE`).';

/** The bytes are not a capture file at all; the message says what they are instead and what to do. */
export class CaptureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaptureError';
  }
}

const OTHER_LINK_TYPES: Record<number, string> = {
  0: 'BSD loopback',
  9: 'PPP',
  105: 'IEEE 802.11 Wi-Fi',
  127: 'Wi-Fi with radiotap',
  147: 'a private (user-defined) type',
  220: 'USB',
  253: 'Linux netlink',
};

function magicOf(b: Uint8Array): number {
  return b.length < 4 ? -1 : b[0] * 0x1000000 + ((b[1] << 16) | (b[2] << 8) | b[3]);
}

function swapped(m: number): number {
  return ((m & 0xff) * 0x1000000 + ((m >>> 8) & 0xff) * 0x10000 + ((m >>> 16) & 0xff) * 0x100 + (m >>> 24)) >>> 0;
}

function isPcap(m: number): boolean {
  return m === PCAP_MAGIC || m === PCAP_NANO_MAGIC || swapped(m) === PCAP_MAGIC || swapped(m) === PCAP_NANO_MAGIC;
}

/** Why these bytes are not a capture, in words a learner can act on. */
function notACapture(b: Uint8Array): CaptureError {
  if (b.length === 0) {
    return new CaptureError(
      `the file is empty: no capture was saved in it. ${SAVE_ONE} Let it run while the traffic passes, then stop it with Ctrl-C.`,
    );
  }
  if (b[0] === 0x1f && b[1] === 0x8b) {
    return new CaptureError(
      'this file is compressed with gzip: unpack it first (`gunzip FILE`), then open the capture inside.',
    );
  }
  const head = b.subarray(0, 40);
  const text = head.every((c) => c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c < 0x7f));
  if (text) {
    const start = new TextDecoder().decode(head).split(/\r?\n/)[0].slice(0, 30).trimEnd();
    return new CaptureError(
      `this is not a capture file: it is text, starting with '${start}'. ` +
        `Printing tcpdump's output (\`tcpdump > FILE\`) saves text, not packets. ${SAVE_ONE}`,
    );
  }
  const bytes = Array.from(b.subarray(0, 4), (x) => x.toString(16).padStart(2, '0')).join(' ');
  return new CaptureError(
    `this is not a capture file: it starts with the bytes ${bytes}, and a capture starts with ` +
      `d4 c3 b2 a1 (pcap) or 0a 0d 0d 0a (pcapng). ${SAVE_ONE}`,
  );
}

function unsupported(linkTypes: number[]): CaptureError {
  const names = linkTypes.map((t) => `${t}${OTHER_LINK_TYPES[t] ? ` (${OTHER_LINK_TYPES[t]})` : ''}`).join(', ');
  const known = Object.entries(LINK_TYPES)
    .map(([n, name]) => `${n} ${name}`)
    .join(', ');
  return new CaptureError(
    `this capture's link type is ${names}, which this decoder does not read (it reads ${known}). ` +
      'Capture on an Ethernet, veth, bridge or tunnel interface, or on all of them with `tcpdump -i any -w FILE`.',
  );
}

function readFile(bytes: Uint8Array): RawCapture {
  const m = magicOf(bytes);
  if (m === SHB) return readPcapng(bytes);
  if (isPcap(m)) return readPcap(bytes);
  throw notACapture(bytes);
}

/**
 * Reads a pcap or pcapng file. Throws CaptureError only when the bytes are not
 * a capture at all; a cut-short last record, a bad length or an unknown
 * protocol become `problems` or a data layer, so a capture still being
 * written shows what it has.
 */
export function readCapture(bytes: Uint8Array): Capture {
  const raw = readFile(bytes);
  const linkTypes = [...new Set(raw.linkTypes)];
  if (linkTypes.length && !linkTypes.some(isKnownLinkType)) throw unsupported(linkTypes);
  const state: CaptureState = {tcpFirstSeq: new Map()};
  const frames: Frame[] = raw.records.map((r, i) => {
    const {layers, summary} = decodeFrame(r.data, r.linkType, state);
    const frame: Frame = {
      number: i + 1,
      time: r.time,
      capturedLength: r.data.length,
      originalLength: r.originalLength,
      bytes: r.data,
      layers,
      summary,
    };
    if (r.interfaceName !== undefined) frame.interfaceName = r.interfaceName;
    return frame;
  });
  return {format: raw.format, linkTypes, frames, problems: raw.problems};
}

/**
 * The capture as plain data, every layer's fields built. Layers build their
 * fields when first read (a getter), which postMessage and structuredClone do
 * not copy: call this before sending a capture from a worker.
 */
export function plainCapture(capture: Capture): Capture {
  return {
    ...capture,
    frames: capture.frames.map((f) => ({...f, layers: f.layers.map((l) => ({...l, fields: l.fields}))})),
  };
}
