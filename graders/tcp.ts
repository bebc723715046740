/**
 * TCP conversations in a decoded capture, for graders that grade a learner's
 * capture file: the segments, and how far each connection attempt got
 * through the three-way handshake (RFC 9293, section 3.5).
 */
import type {Capture, TcpFlags} from '../src/packets/types';

export interface Segment {
  frame: number;
  src: string;
  dst: string;
  sport: number;
  dport: number;
  flags: TcpFlags;
  seq: number;
  ack: number;
}

/** Every TCP segment with the addresses of the IP header right before it (the inner one in a tunnel). */
export function tcpSegments(capture: Capture): Segment[] {
  const out: Segment[] = [];
  for (const f of capture.frames) {
    let ip: {src: string; dst: string} | undefined;
    for (const l of f.layers) {
      const i = l.info;
      if (i.kind === 'ipv4' || i.kind === 'ipv6') ip = {src: i.src, dst: i.dst};
      if (i.kind === 'tcp' && ip) {
        out.push({frame: f.number, ...ip, sport: i.srcPort, dport: i.dstPort, flags: i.flags, seq: i.seq, ack: i.ack});
      }
    }
  }
  return out;
}

/** How far one connection attempt (one client SYN) got. */
export interface Attempt {
  client: string;
  cport: number;
  server: string;
  sport: number;
  /** syn: only the SYN; reset: answered with RST; syn-ack: no final ACK; complete: all three. */
  stage: 'syn' | 'reset' | 'syn-ack' | 'complete';
  /** Frame numbers of the SYN, SYN-ACK and ACK (or RST) found. */
  frames: number[];
}

const mod32 = (n: number) => n >>> 0;
const endpoint = (a: string, p: number) => (a.includes(':') ? `[${a}]:${p}` : `${a}:${p}`);
export const describeAttempt = (a: Attempt) => `${endpoint(a.client, a.cport)} → ${endpoint(a.server, a.sport)}`;

/**
 * One Attempt per SYN without ACK, matched with the segments that answer it:
 * a SYN-ACK acknowledging SYN.seq + 1, then the client's ACK of SYN-ACK.seq + 1.
 * Retransmitted SYNs (same ports and sequence number) count once.
 */
export function handshakes(segments: Segment[]): Attempt[] {
  const attempts: Attempt[] = [];
  const seen = new Set<string>();
  for (const syn of segments) {
    if (!syn.flags.syn || syn.flags.ack) continue;
    const key = `${syn.src} ${syn.sport} ${syn.dst} ${syn.dport} ${syn.seq}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const back = (s: Segment) =>
      s.src === syn.dst && s.sport === syn.dport && s.dst === syn.src && s.dport === syn.sport;
    const forth = (s: Segment) =>
      s.src === syn.src && s.sport === syn.sport && s.dst === syn.dst && s.dport === syn.dport;
    const base = {client: syn.src, cport: syn.sport, server: syn.dst, sport: syn.dport};
    const synAck = segments.find((s) => back(s) && s.flags.syn && s.flags.ack && s.ack === mod32(syn.seq + 1));
    if (!synAck) {
      const rst = segments.find((s) => back(s) && s.flags.rst);
      attempts.push(
        rst ? {...base, stage: 'reset', frames: [syn.frame, rst.frame]} : {...base, stage: 'syn', frames: [syn.frame]},
      );
      continue;
    }
    const ack = segments.find(
      (s) => forth(s) && !s.flags.syn && s.flags.ack && s.ack === mod32(synAck.seq + 1) && s.frame > syn.frame,
    );
    attempts.push(
      ack
        ? {...base, stage: 'complete', frames: [syn.frame, synAck.frame, ack.frame]}
        : {...base, stage: 'syn-ack', frames: [syn.frame, synAck.frame]},
    );
  }
  return attempts;
}

/** "12 frames: 6 ICMPv6, 2 ARP, 4 TCP", for messages about a capture that lacks what was asked. */
export function frameMix(capture: Capture): string {
  const counts = new Map<string, number>();
  for (const f of capture.frames) {
    const top = [...f.layers].reverse().find((l) => l.info.kind !== 'data' && l.info.kind !== 'dns') ?? f.layers[0];
    const name = top ? top.info.kind.toUpperCase().replace('ICMPV6', 'ICMPv6').replace('IPV', 'IPv') : 'unknown';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const n = capture.frames.length;
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${v} ${k}`);
  return `${n} frame${n === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
