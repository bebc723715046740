/** TCP (RFC 9293): ports, sequence numbers, flags, window, and the options of RFC 7323 and RFC 2018. */
import {bitField, field, hex, u16, u32} from './bytes';
import {addressPrefix, cutShort, lazyLayer, type Context, type Decoded} from './layer';
import type {Field, TcpFlags} from '../types';

const FLAG_BITS: [keyof TcpFlags, string, number][] = [
  ['cwr', 'CWR', 0x80],
  ['ece', 'ECE', 0x40],
  ['urg', 'URG', 0x20],
  ['ack', 'ACK', 0x10],
  ['psh', 'PSH', 0x08],
  ['rst', 'RST', 0x04],
  ['syn', 'SYN', 0x02],
  ['fin', 'FIN', 0x01],
];

/** The order tcpdump and Wireshark say them in: "SYN, ACK", "FIN, PSH, ACK". */
const SPOKEN_ORDER: (keyof TcpFlags)[] = ['fin', 'syn', 'rst', 'psh', 'ack', 'urg', 'ece', 'cwr'];

const OPTION_NAMES: Record<number, string> = {
  0: 'End of options',
  1: 'No operation',
  2: 'Maximum segment size',
  3: 'Window scale',
  4: 'SACK permitted',
  5: 'SACK',
  8: 'Timestamps',
  30: 'Multipath TCP',
  34: 'TCP Fast Open cookie',
};

/** The options' MSS and whether they fit, without building their fields (which wait until someone looks). */
function scanOptions(b: Uint8Array, start: number, end: number): {mss?: number; problem?: string} {
  let mss: number | undefined;
  for (let at = start; at < end;) {
    const kind = b[at];
    if (kind === 0) break;
    if (kind === 1) {
      at++;
      continue;
    }
    const length = at + 1 < end ? b[at + 1] : 0;
    if (length < 2 || at + length > end) {
      return {mss, problem: `option kind ${kind} says length ${length}, which does not fit in the header`};
    }
    if (kind === 2 && length === 4) mss = u16(b, at + 2);
    at += length;
  }
  return {mss};
}

function options(b: Uint8Array, start: number, end: number): Field[] {
  const fields: Field[] = [];
  let at = start;
  while (at < end) {
    const kind = b[at];
    if (kind === 0 || kind === 1) {
      fields.push(field(OPTION_NAMES[kind], `kind ${kind}`, at, at + 1));
      at++;
      // After the end-of-options mark the rest is padding.
      if (kind === 0) break;
      continue;
    }
    const length = at + 1 < end ? b[at + 1] : 0;
    if (length < 2 || at + length > end) {
      fields.push(field('Bad option', `kind ${kind}, length ${length}`, at, end));
      return fields;
    }
    const head = [field('Kind', kind, at, at + 1), field('Length', length, at + 1, at + 2)];
    let value = `${length} bytes`;
    if (kind === 2 && length === 4) {
      value = `${u16(b, at + 2)} bytes`;
      head.push(field('MSS value', u16(b, at + 2), at + 2, at + 4));
    } else if (kind === 3 && length === 3) {
      value = `shift ${b[at + 2]} (multiply by ${2 ** b[at + 2]})`;
      head.push(field('Shift count', b[at + 2], at + 2, at + 3));
    } else if (kind === 8 && length === 10) {
      const tsval = u32(b, at + 2);
      const tsecr = u32(b, at + 6);
      value = `TSval ${tsval}, TSecr ${tsecr}`;
      head.push(field('Timestamp value', tsval, at + 2, at + 6), field('Timestamp echo reply', tsecr, at + 6, at + 10));
    } else if (kind === 5) {
      const blocks: string[] = [];
      for (let p = at + 2; p + 8 <= at + length; p += 8) {
        blocks.push(`${u32(b, p)}-${u32(b, p + 4)}`);
        head.push(field('Block', `${u32(b, p)}-${u32(b, p + 4)}`, p, p + 8));
      }
      value = blocks.join(', ');
    } else if (kind === 4) value = 'yes';
    fields.push(field(OPTION_NAMES[kind] ?? `Option ${kind}`, value, at, at + length, head));
    at += length;
  }
  return fields;
}

export function decodeTcp(ctx: Context, start: number, end: number): Decoded {
  if (end - start < 20) return cutShort('TCP', 20, start, end);
  const b = ctx.bytes;
  const srcPort = u16(b, start);
  const dstPort = u16(b, start + 2);
  const seq = u32(b, start + 4);
  const ack = u32(b, start + 8);
  const word = u16(b, start + 12);
  const headerLength = (word >> 12) * 4;
  const window = u16(b, start + 14);
  const problems: string[] = [];
  if (headerLength < 20 || end - start < headerLength) {
    const r = cutShort('TCP', Math.max(20, headerLength), start, end);
    if (headerLength < 20)
      r.layer.problems = [`the data offset says the header is ${headerLength} bytes; it is at least 20`];
    return r;
  }
  const flags: TcpFlags = {
    fin: (word & 0x01) !== 0,
    syn: (word & 0x02) !== 0,
    rst: (word & 0x04) !== 0,
    psh: (word & 0x08) !== 0,
    ack: (word & 0x10) !== 0,
    urg: (word & 0x20) !== 0,
    ece: (word & 0x40) !== 0,
    cwr: (word & 0x80) !== 0,
  };
  const flagText = SPOKEN_ORDER.filter((k) => flags[k])
    .map((k) => k.toUpperCase())
    .join(', ');
  const opts = scanOptions(b, start + 20, start + headerLength);
  if (opts.problem) problems.push(opts.problem);
  const payloadLength = end - start - headerLength;

  // Relative numbers, as Wireshark shows them: counted from the first sequence number seen in each direction.
  const here = `${ctx.ip?.src}:${srcPort}>${ctx.ip?.dst}:${dstPort}`;
  const back = `${ctx.ip?.dst}:${dstPort}>${ctx.ip?.src}:${srcPort}`;
  const firstSeqs = ctx.state.tcpFirstSeq;
  if (flags.syn || !firstSeqs.has(here)) firstSeqs.set(here, seq);
  const relSeq = (seq - (firstSeqs.get(here) ?? seq)) >>> 0;
  const backSeq = firstSeqs.get(back);
  const relAck = flags.ack && backSeq !== undefined ? (ack - backSeq) >>> 0 : undefined;

  const flagFields = (): Field[] => [
    bitField('Reserved', (word >> 9) & 7, word, 16, 0x0e00, start + 12),
    bitField('Accurate ECN', (word >> 8) & 1 ? 'Set' : 'Not set', word, 16, 0x0100, start + 12),
    ...FLAG_BITS.map(([key, name, mask]) => bitField(name, flags[key] ? 'Set' : 'Not set', word, 16, mask, start + 12)),
  ];
  const fields = (): Field[] => [
    field('Source port', srcPort, start, start + 2),
    field('Destination port', dstPort, start + 2, start + 4),
    field('Sequence number', seq, start + 4, start + 8),
    field('Acknowledgment number', flags.ack ? ack : `${ack} (not used: ACK not set)`, start + 8, start + 12),
    bitField('Header length', `${headerLength} bytes (${word >> 12})`, word >> 8, 8, 0xf0, start + 12),
    field('Flags', `${hex(word & 0x0fff, 3)} (${flagText || 'none'})`, start + 12, start + 14, flagFields()),
    field('Window', window, start + 14, start + 16),
    field('Checksum', hex(u16(b, start + 16), 4), start + 16, start + 18),
    field('Urgent pointer', u16(b, start + 18), start + 18, start + 20),
    ...(headerLength > 20
      ? [
          field(
            'Options',
            `${headerLength - 20} bytes`,
            start + 20,
            start + headerLength,
            options(b, start + 20, start + headerLength),
          ),
        ]
      : []),
  ];

  let summary = `${addressPrefix(ctx)}TCP ${srcPort} → ${dstPort} [${flagText}] seq=${relSeq}`;
  if (relAck !== undefined) summary += ` ack=${relAck}`;
  summary += ` win=${window} len=${payloadLength}`;
  if (opts.mss !== undefined) summary += ` mss=${opts.mss}`;
  return {
    layer: lazyLayer(
      {
        name: 'Transmission Control Protocol',
        summary,
        start,
        end,
        info: {
          kind: 'tcp',
          srcPort,
          dstPort,
          seq,
          ack,
          flags,
          window,
          headerLength,
          payloadLength,
          ...(opts.mss !== undefined ? {mss: opts.mss} : {}),
        },
        ...(problems.length ? {problems} : {}),
      },
      fields,
    ),
    next: payloadLength > 0 ? {protocol: 'data', start: start + headerLength, end} : undefined,
  };
}
