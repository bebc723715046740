/**
 * What a ping probe's underlay capture shows (a ping with `capture`): did the
 * echo request cross the device inside VXLAN, on which port and VNI, between
 * which VTEPs, or bare, or not at all. Decoded by src/packets, the packet
 * view's decoder, which reads UDP 4789 and 8472 as VXLAN (RFC 7348).
 */
import {readCapture} from '../src/packets';
import type {Frame, LayerInfo} from '../src/packets/types';
import type {ProbeResult} from './model';
import {base64Bytes} from './query';

export interface Tunnelled {
  frame: number;
  /** Outer IPv4 addresses: the VTEPs. */
  outerSrc: string;
  outerDst: string;
  port: number;
  vni: number;
  /** The inner packet: "echo request", "echo reply", "ARP", or another summary. */
  inner: 'echo request' | 'echo reply' | 'arp' | 'other';
  innerSrc?: string;
  innerDst?: string;
}

export interface UnderlayView {
  /** VXLAN packets, in capture order. */
  tunnelled: Tunnelled[];
  /** ICMP echo requests and replies on the underlay itself, not encapsulated. */
  bare: {frame: number; src: string; dst: string; type: 'echo request' | 'echo reply'}[];
  /** UDP that the decoder does not read as VXLAN (another port): destination ports. */
  otherUdp: {frame: number; src: string; dst: string; port: number}[];
  /** ICMP port unreachable for UDP datagrams: a VTEP that listens on another port. */
  portUnreachable: {frame: number; from: string; port: number}[];
}

type Info<K extends LayerInfo['kind']> = Extract<LayerInfo, {kind: K}>;

function echoKind(i: Info<'icmp'>): 'echo request' | 'echo reply' | undefined {
  return i.type === 8 ? 'echo request' : i.type === 0 ? 'echo reply' : undefined;
}

/** The UDP destination port quoted by an ICMP error (its quoted IPv4 header, then UDP). */
function quotedUdpPort(f: Frame, icmpStart: number): number | undefined {
  const q = icmpStart + 8;
  const b = f.bytes;
  if (q + 20 > b.length || b[q] >> 4 !== 4 || b[q + 9] !== 17) return undefined;
  const udp = q + (b[q] & 0x0f) * 4;
  return udp + 4 <= b.length ? (b[udp + 2] << 8) | b[udp + 3] : undefined;
}

function viewFrame(f: Frame, out: UnderlayView): void {
  const infos = f.layers.map((l) => l.info);
  const outer = infos.find((i): i is Info<'ipv4'> => i.kind === 'ipv4');
  if (!outer) return;
  const vx = infos.findIndex((i) => i.kind === 'vxlan');
  if (vx >= 0) {
    const udp = infos[vx - 1] as Info<'udp'>;
    const vxlan = infos[vx] as Info<'vxlan'>;
    const rest = infos.slice(vx + 1);
    const ip = rest.find((i): i is Info<'ipv4'> => i.kind === 'ipv4');
    const icmp = rest.find((i): i is Info<'icmp'> => i.kind === 'icmp');
    const echo = icmp ? echoKind(icmp) : undefined;
    out.tunnelled.push({
      frame: f.number,
      outerSrc: outer.src,
      outerDst: outer.dst,
      port: udp.dstPort,
      vni: vxlan.vni,
      inner: echo ?? (rest.some((i) => i.kind === 'arp') ? 'arp' : 'other'),
      innerSrc: ip?.src,
      innerDst: ip?.dst,
    });
    return;
  }
  const icmpAt = f.layers.findIndex((l) => l.info.kind === 'icmp');
  if (icmpAt >= 0) {
    const icmp = f.layers[icmpAt].info as Info<'icmp'>;
    const echo = echoKind(icmp);
    if (echo) out.bare.push({frame: f.number, src: outer.src, dst: outer.dst, type: echo});
    const port = icmp.type === 3 && icmp.code === 3 ? quotedUdpPort(f, f.layers[icmpAt].start) : undefined;
    if (port !== undefined) out.portUnreachable.push({frame: f.number, from: outer.src, port});
    return;
  }
  const udp = infos.find((i): i is Info<'udp'> => i.kind === 'udp');
  if (udp) out.otherUdp.push({frame: f.number, src: outer.src, dst: outer.dst, port: udp.dstPort});
}

/** Reads the probe's capture; a string says why there is none. */
export function underlayView(probe: ProbeResult): UnderlayView | string {
  if (probe.capture === undefined) return `no capture was taken (${probe.captureError ?? 'not a capturing probe'})`;
  let frames: Frame[];
  try {
    frames = readCapture(base64Bytes(probe.capture)).frames;
  } catch (e) {
    return `the capture could not be read (${(e as Error).message})`;
  }
  const out: UnderlayView = {tunnelled: [], bare: [], otherUdp: [], portUnreachable: []};
  for (const f of frames) viewFrame(f, out);
  return out;
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];

/** What crossed the underlay device during the probe, as one clause: "VXLAN UDP 4789 VNI 42 (…) carrying …". */
export function describeUnderlay(v: UnderlayView): string {
  const parts: string[] = [];
  if (v.tunnelled.length) {
    const kinds = uniq(v.tunnelled.map((t) => `UDP ${t.port} VNI ${t.vni} (${t.outerSrc} → ${t.outerDst})`));
    // "other" is IPv6 neighbour discovery and the like: named only when nothing else crossed.
    const named = v.tunnelled.filter((t) => t.inner !== 'other');
    const inner = uniq(
      (named.length ? named : v.tunnelled).map((t) =>
        t.innerDst ? `${t.inner} to ${t.innerDst}` : t.inner === 'arp' ? 'ARP' : t.inner,
      ),
    );
    parts.push(`VXLAN ${kinds.join(', ')} carrying ${inner.join(', ').replace(/^other$/, 'no IPv4 nor ARP')}`);
  }
  if (v.bare.length) {
    parts.push(`plain ICMP, not encapsulated: ${uniq(v.bare.map((b) => `${b.type} ${b.src} → ${b.dst}`)).join(', ')}`);
  }
  if (v.otherUdp.length) {
    const ports = uniq(v.otherUdp.map((u) => `${u.src} → ${u.dst} port ${u.port}`));
    parts.push(`UDP on a port that is not VXLAN's 4789 or 8472: ${ports.join(', ')}`);
  }
  if (v.portUnreachable.length) {
    const pu = uniq(v.portUnreachable.map((p) => `${p.from} answered "port unreachable" to UDP ${p.port}`));
    parts.push(`${pu.join(', ')} (nothing listens on that port there)`);
  }
  if (!parts.length) return 'nothing at all (no UDP, no ICMP)';
  return parts.join('; ');
}
