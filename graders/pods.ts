/**
 * "Every Pod reaches every Pod by its own address, with no NAT": the
 * Kubernetes network model, graded for two Pods on two nodes. Shared by the
 * Pod-to-Pod labs (host-gw routes, overlays).
 *
 * `walkPods` follows a packet hop by hop through the recorded state, from
 * the sending Pod through the nodes to the receiving Pod: at each hop the
 * route the kernel would pick, whether its next hop is really someone else
 * on the same link, forwarding, rp_filter and FORWARD drops (diagnose.ts)
 * and any source NAT that rewrites the Pod's address. A hop into a tunnel
 * without a gateway (ipip, wireguard...) cannot be followed from the state:
 * the walk then says "unknown" and the live probes decide.
 */
import type {Link, Route} from './model';
import type {ProbeDecl} from './probes';
import {diagnoseFlow} from './diagnose';
import {natStatus} from './nat';
import {policyLookup} from './policy';
import {Query} from './query';

export interface Pod {
  /** The Pod's namespace, e.g. "pod-a". */
  pod: string;
  /** Its node's namespace, e.g. "node1". */
  node: string;
  /** The Pod's own address, e.g. "10.244.1.2". */
  ip: string;
  /** Its node's Pod CIDR, e.g. "10.244.1.0/24", for messages. */
  cidr: string;
}

export type Walk =
  | {kind: 'delivered'; path: string[]; nat: string[]; mayNat: string[]}
  | {kind: 'broken'; path: string[]; at: string; message: string}
  | {kind: 'unknown'; path: string[]; at: string; why: string};

const MAX_HOPS = 8;

/** unreachable, blackhole and prohibit routes are found by a lookup but deliver nothing. */
const usable = (r: Route | undefined): r is Route => r !== undefined && (r.type === 'unicast' || r.type === 'local');

/** Devices that carry L2 frames to a neighbour found by ARP; anything else is a tunnel or unknown. */
const ETHERNET = new Set(['veth', 'bridge', 'vlan', 'macvlan', 'vxlan', 'dummy', undefined]);

/**
 * Which L2 segment a link is on: its bridge, the bridge its veth peer is a
 * port of, or the veth pair itself. Undefined when the state cannot tell
 * (a tunnel, a physical NIC), which never counts as a mismatch.
 */
export function segmentOf(q: Query, link: string, ns: string | null): string | undefined {
  const n = ns ?? undefined;
  const l = q.link(link, n);
  if (!l) return undefined;
  if (l.kind === 'bridge') return `${ns ?? '.'}/${l.name}`;
  const br = q.bridgeOf(link, n);
  if (br) return `${ns ?? '.'}/${br.name}`;
  if (l.kind !== 'veth') return undefined;
  const peer = q.vethPeer(link, n);
  if (!peer) return undefined;
  const pbr = q.bridgeOf(peer.link.name, peer.ns ?? undefined);
  if (pbr) return `${peer.ns ?? '.'}/${pbr.name}`;
  return [`${ns ?? '.'}/${link}`, `${peer.ns ?? '.'}/${peer.link.name}`].sort().join('=');
}

/** "node1's cni0" for a segmentOf answer. */
function segmentText(seg: string | undefined): string {
  if (seg === undefined) return 'another link';
  if (seg.includes('=')) return `the veth pair ${seg.replace('=', ' = ')}`;
  const [ns, dev] = seg.split('/');
  return ns === '.' ? `${dev} in the root namespace` : `${ns}'s ${dev}`;
}

/** Namespaces (the root is null) holding `ip` on some link, with that link. */
function owners(q: Query, ip: string): {ns: string | null; link: Link}[] {
  return q.state.namespaces.flatMap((n) => {
    const f = q.findAddress(ip, n.name ?? undefined);
    return f ? [{ns: n.name, link: f.link}] : [];
  });
}

const label = (ns: string | null) => ns ?? 'the root namespace';
const routeText = (r: Route) =>
  `${r.dst}${r.gateway ? ` via ${r.gateway}` : ''}${r.dev ? ` dev ${r.dev}` : ''}${r.flags.includes('onlink') ? ' onlink' : ''}`;

/**
 * Follows a packet from `from` to `to` (one direction) through the state.
 * `nat` lists the source NAT rules that would rewrite the sending Pod's
 * address on the way; a delivered packet with NAT still breaks the model.
 * `mayNat` lists those whose match the grader cannot evaluate (a mark, a
 * conntrack state): whether they apply is for a live probe to say.
 */
export function walkPods(q: Query, from: Pod, to: Pod): Walk {
  const src = from.ip;
  const dst = to.ip;
  const path: string[] = [from.pod];
  const nat: string[] = [];
  // Rules whose match the grader cannot evaluate (a mark, ct status): only a live probe can tell.
  const mayNat: string[] = [];
  let ns: string | null = from.pod;
  let iif: string | undefined;
  let prev: string | null = null;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const n = ns ?? undefined;
    if (q.findAddress(dst, n)) return {kind: 'delivered', path, nat, mayNat};
    const looked = policyLookup(q, n, {src, dst, iif});
    if (looked === 'unknown') {
      return {
        kind: 'unknown',
        path,
        at: label(ns),
        why: `${label(ns)} has ip rules (fwmark, not) the grader does not evaluate`,
      };
    }
    const r = looked;
    if (!usable(r)) {
      const found: Route | undefined = looked;
      const has = found ? `only the ${found.type} route ${found.dst} for ${dst}` : `no route to ${dst}`;
      const whose = ns === from.pod ? '' : ` (${to.node}'s Pod CIDR is ${to.cidr})`;
      return {
        kind: 'broken',
        path,
        at: label(ns),
        message: `${label(ns)} has ${has}${whose}, so ${from.pod}'s packets stop there.`,
      };
    }
    if (iif !== undefined) {
      // A router on the way: diagnose.ts knows forwarding, rp_filter and FORWARD drops.
      const problems = diagnoseFlow(q.state, {
        router: n,
        client: src,
        server: dst,
        iif,
        clientName: from.pod,
        serverName: to.pod,
      }).filter((d) => d.direction === 'request' && d.cause !== 'no-route');
      if (problems.length) {
        const message = `In ${label(ns)}: ${problems.map((d) => d.message).join(' ')}`;
        return {kind: 'broken', path, at: label(ns), message};
      }
    }
    if (r.dev === undefined)
      return {kind: 'unknown', path, at: label(ns), why: `the route ${routeText(r)} names no device`};
    const out = q.link(r.dev, n);
    if (iif !== undefined) {
      const d = q.sourceNat({src, dst, iif, oif: r.dev}, n);
      if (natStatus(d) === 'matches' && d.kind !== 'none' && d.kind !== 'unknown') {
        const to2 = d.kind === 'snat' ? d.to : (d.to ?? `${r.dev}'s address`);
        nat.push(`${label(ns)} rewrites the source ${src} to ${to2} (${d.tool}: ${d.rule})`);
      } else if (d.kind === 'unknown') {
        mayNat.push(`${label(ns)} may rewrite the source (${d.tool}: ${d.rule}; ${d.why})`);
      }
    }
    const gw = r.gateway;
    if (gw !== undefined && q.findAddress(gw, n)) {
      return {
        kind: 'broken',
        path,
        at: label(ns),
        message: `${label(ns)}'s route to ${dst} is ${routeText(r)}, but ${gw} is ${label(ns)}'s own address: a next hop must be the neighbour that is one step closer (${to.node}'s address on the shared link), not the router itself.`,
      };
    }
    if (gw === undefined && !ETHERNET.has(out?.kind)) {
      return {
        kind: 'unknown',
        path,
        at: label(ns),
        why: `the route ${routeText(r)} enters the ${out?.kind ?? '?'} device ${r.dev}`,
      };
    }
    const next = gw ?? dst;
    const here = segmentOf(q, r.dev, ns);
    const cands = owners(q, next).filter((o) => o.ns !== ns);
    // Prefer an owner on the same link: the address it ARPs for must answer there.
    const same = cands.filter((o) => {
      const s = segmentOf(q, o.link.name, o.ns);
      return here === undefined || s === undefined || s === here;
    });
    if (same.length === 0) {
      const seg = (o: {ns: string | null; link: Link}) => segmentText(segmentOf(q, o.link.name, o.ns));
      const where = cands.length
        ? ` ${next} is ${cands.map((c) => `${label(c.ns)}'s, on ${seg(c)}`).join(', and ')}, while ${r.dev} here is on ${segmentText(here)}`
        : ` nobody has the address ${next}`;
      const direct =
        gw === undefined
          ? `sends to ${dst} directly on ${r.dev}, as if it were on that link (route ${routeText(r)}), but`
          : `uses the route ${routeText(r)}, but`;
      const pods =
        ns === from.pod ? ' A Pod only needs its gateway; routes between Pod CIDRs belong on the nodes.' : '';
      return {
        kind: 'broken',
        path,
        at: label(ns),
        message: `${label(ns)} ${direct}${where}: its ARP request for ${next} gets no answer.${pods}`,
      };
    }
    const hopTo = same[0];
    if (hopTo.ns === prev) {
      return {
        kind: 'broken',
        path,
        at: label(ns),
        message: `${label(ns)} sends ${from.pod}'s packets to ${dst} back to ${label(hopTo.ns)} (route ${routeText(r)}): a routing loop.`,
      };
    }
    prev = ns;
    ns = hopTo.ns;
    iif = hopTo.link.name;
    path.push(label(ns));
  }
  return {kind: 'unknown', path, at: label(ns), why: `more than ${MAX_HOPS} hops`};
}

/** Probe ids for a pair of Pods, one direction each. */
export const pingId = (from: Pod, to: Pod) => `ping-${from.pod}-to-${to.pod}`;
export const seenId = (from: Pod, to: Pod) => `seen-by-${to.pod}-from-${from.pod}`;

/**
 * The live probes the checks below read: a ping each way, and a UDP datagram
 * each way whose source address a listener in the receiving Pod reports.
 */
export function podProbes(a: Pod, b: Pod, port = 40000): ProbeDecl[] {
  return [
    {id: pingId(a, b), kind: 'ping', from: a.pod, to: b.ip},
    {id: pingId(b, a), kind: 'ping', from: b.pod, to: a.ip},
    {id: seenId(a, b), kind: 'source', from: a.pod, to: b.ip, port, listenIn: b.pod},
    {id: seenId(b, a), kind: 'source', from: b.pod, to: a.ip, port, listenIn: a.pod},
  ];
}

export type Verdict = {ok: true} | {ok: false; message: string};

/**
 * One direction: do `from`'s packets reach `to`? The walk names the cause;
 * where it cannot follow (a tunnel), what the listener in `to` saw decides.
 */
export function reaches(q: Query, from: Pod, to: Pod): Verdict {
  const w = walkPods(q, from, to);
  const seen = q.probe(seenId(from, to))?.seenSource;
  const via = (p: string[]) => p.join(' → ');
  if (w.kind === 'delivered') return {ok: true};
  if (w.kind === 'broken') {
    return {ok: false, message: `${from.pod} → ${to.pod} (${via(w.path)}): ${w.message}`};
  }
  if (seen !== undefined) return {ok: true};
  return {
    ok: false,
    message: `${from.pod}'s packets to ${to.ip} did not arrive (${via(w.path)}, then ${w.why}, which the grader cannot follow from the state, so the live test decides).`,
  };
}

/** Both directions answered: the pings. */
export function pingsBothWays(q: Query, a: Pod, b: Pod): Verdict {
  const bad = [
    [a, b],
    [b, a],
  ].filter(([x, y]) => !q.probe(pingId(x, y))?.ok);
  if (bad.length === 0) return {ok: true};
  const why = bad.map(([x, y]) => {
    const back = walkPods(q, y, x);
    const reply = back.kind === 'broken' ? ` The replies cannot get back: ${back.message}` : '';
    return `a ping from ${x.pod} to ${y.ip} got no answer.${reply}`;
  });
  return {ok: false, message: why.join(' ')};
}

/**
 * No NAT: the receiver saw the sender's own Pod address. When it saw another
 * one, the source NAT rules found on the way are named.
 */
export function noNat(q: Query, from: Pod, to: Pod): Verdict {
  const seen = q.probe(seenId(from, to))?.seenSource;
  const w = walkPods(q, from, to);
  const rules = w.kind === 'delivered' ? [...w.nat, ...w.mayNat] : [];
  if (seen === from.ip) return {ok: true};
  if (seen === undefined) {
    return {
      ok: false,
      message: `Nothing ${from.pod} sent to ${to.ip} reached ${to.pod}, so it cannot show which source it sees.`,
    };
  }
  const owner = owners(q, seen)[0];
  const who = owner ? ` (${label(owner.ns)}'s address on ${owner.link.name})` : '';
  const how = rules.length
    ? rules.join('; ')
    : 'no MASQUERADE or SNAT rule the grader can see matches it; look for one that does';
  return {
    ok: false,
    message: `${to.pod} sees ${from.pod}'s packets coming from ${seen}${who}, not from ${from.ip}: ${how}.`,
  };
}

/** Why the model forbids it, said once after the findings of both directions. */
export const NO_NAT_WHY =
  'In Kubernetes every Pod sees every other Pod by its own address (NetworkPolicy, logs and replies rely on it): ' +
  'translate only traffic that leaves the cluster, never Pod-to-Pod traffic.';
