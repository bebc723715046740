/**
 * Check bodies the VXLAN labs share: a VTEP with the right VNI and port, a
 * peer it floods to, and a ping proved to cross the underlay encapsulated.
 */
import {fail, pass, type CheckFn, type CheckOutcome} from './exercise';
import type {FdbEntry, Link} from './model';
import type {Query} from './query';
import {describeUnderlay, underlayView} from './underlay';

export const ZERO_MAC = '00:00:00:00:00:00';
/** The kernel's port when `dstport` is not given; IANA's is 4789. */
const KERNEL_PORT = 8472;

const portNote = (port: number) =>
  port === KERNEL_PORT ? ' (the kernel default when `dstport` is not given; Flannel uses it too)' : '';

/** The VXLAN devices of a namespace. */
export const vxlanLinks = (q: Query, ns: string): Link[] => q.ns(ns)?.links.filter((l) => l.kind === 'vxlan') ?? [];

/** The device a check should talk about: the one with the task's VNI, else the first. */
export function vtepOf(q: Query, ns: string, vni: number): Link | undefined {
  const all = vxlanLinks(q, ns);
  return all.find((l) => l.vxlan?.vni === vni) ?? all[0];
}

/** `ns` has a VXLAN device that is up, with VNI `vni` on UDP `port`; `peer` names the other side for messages. */
export function vtep(ns: string, vni: number, port: number, peer: string): CheckFn {
  return (q) => {
    if (!q.ns(ns)) return fail(`Namespace ${ns} is gone; press Start to rebuild the start state.`);
    const l = vtepOf(q, ns, vni);
    if (!l?.vxlan) {
      return fail(
        `${ns} has no VXLAN device (\`ip -n ${ns} -d link show type vxlan\` lists none). ` +
          `Create one with VNI ${vni} on UDP port ${port} over ${ns}'s eth0.`,
      );
    }
    const v = l.vxlan;
    const other = vtepOf(q, peer, vni)?.vxlan;
    if (v.vni !== vni) {
      return fail(
        `${ns}'s ${l.name} has VNI ${v.vni ?? 'none (external)'}, not ${vni}` +
          (other?.vni !== undefined ? `, while ${peer}'s has ${other.vni}` : '') +
          `. A VTEP hands a packet only to its device with the packet's VNI, so frames tagged ${vni} find no device on ${ns}.`,
      );
    }
    if (v.port !== port) {
      return fail(
        `${ns}'s ${l.name} uses UDP port ${v.port}${portNote(v.port)}, not ${port}` +
          (other && other.port !== v.port ? `, while ${peer}'s uses ${other.port}` : '') +
          `. Both ends must use the same port: each sends to the port it is configured with and listens only on it. ` +
          `Recreate it with \`dstport ${port}\` (a VXLAN device's port cannot be changed).`,
      );
    }
    if (!l.up) return fail(`${ns}'s ${l.name} is DOWN: \`ip -n ${ns} link set ${l.name} up\`.`);
    return pass();
  };
}

const fdbOf = (q: Query, ns: string, dev: string): FdbEntry[] =>
  q.ns(ns)?.fdb.filter((e) => e.ifname === dev && e.dst !== undefined) ?? [];

/** Where `ns`'s VTEP sends frames it has no entry for: remote, group and all-zero FDB entries. */
export function floodTargets(q: Query, ns: string, l: Link): string[] {
  // The kernel keeps `remote`/`group` as an all-zero entry too; list each address once.
  const out = new Set<string>();
  if (l.vxlan?.remote) out.add(l.vxlan.remote);
  if (l.vxlan?.group) out.add(l.vxlan.group);
  for (const e of fdbOf(q, ns, l.name)) if (e.mac === ZERO_MAC && e.dst) out.add(e.dst);
  return [...out];
}

/** An FDB entry that overrides the device's port or VNI (`bridge fdb append ... port P vni N`) and disagrees. */
function overriding(q: Query, ns: string, l: Link, vni: number, port: number): FdbEntry | undefined {
  return fdbOf(q, ns, l.name).find(
    (e) =>
      e.state === 'permanent' && ((e.vni !== undefined && e.vni !== vni) || (e.port !== undefined && e.port !== port)),
  );
}

/**
 * `ns`'s VTEP sends unknown and broadcast frames to `peerIp` (remote, an all-zero FDB entry, or a
 * multicast group both join), so ARP can find the other side.
 */
export function floodsTo(ns: string, peerIp: string, ownIp: string, vni: number, port: number): CheckFn {
  return (q) => {
    const l = vtepOf(q, ns, vni);
    if (!l) return fail(`${ns} has no VXLAN device yet.`);
    const bad = overriding(q, ns, l, vni, port);
    if (bad) {
      return fail(
        `${ns}'s ${l.name} has an FDB entry to ${bad.dst} with ${bad.vni !== undefined ? `vni ${bad.vni}` : ''}` +
          `${bad.port !== undefined ? ` port ${bad.port}` : ''}: frames sent by it go out with that, not VNI ${vni} on port ${port}.`,
      );
    }
    const targets = floodTargets(q, ns, l);
    if (targets.includes(peerIp) || l.vxlan?.group) return pass();
    if (targets.includes(ownIp)) {
      return fail(
        `${ns}'s ${l.name} sends to ${ownIp}, which is ${ns}'s own underlay address; the peer VTEP is ${peerIp}.`,
      );
    }
    if (targets.length) {
      return fail(`${ns}'s ${l.name} sends its floods to ${targets.join(', ')}, but the other VTEP is ${peerIp}.`);
    }
    return fail(
      `${ns}'s ${l.name} has no remote, no group and no all-zero FDB entry (\`bridge -n ${ns} fdb show dev ${l.name}\`): ` +
        `a broadcast such as an ARP request has no VTEP to go to, so nothing ever leaves. ` +
        `Give it \`remote ${peerIp}\` or \`bridge fdb append ${ZERO_MAC} dev ${l.name} dst ${peerIp}\`.`,
    );
  };
}

/** The probe `id` (a ping with capture) got its answer, and its echo request crossed `dev` inside VXLAN `vni` on `port`. */
export function tunnelledPing(
  id: string,
  o: {from: string; to: string; dev: string; vni: number; port: number},
): CheckFn {
  return (q): CheckOutcome => {
    const p = q.probe(id);
    if (!p) throw new Error(`the live test "${id}" produced no result`);
    const v = underlayView(p);
    if (typeof v === 'string') return fail(`${o.from} pinged ${o.to}, but ${v}.`);
    const seen = describeUnderlay(v);
    const inside = v.tunnelled.find((t) => t.inner === 'echo request' && t.innerDst === o.to);
    if (!p.ok) return fail(`${o.from} got no answer from ${o.to}. On ${o.dev} during the ping: ${seen}.`);
    if (!inside)
      return fail(`${o.from} reached ${o.to}, but not through a VXLAN tunnel. On ${o.dev} during the ping: ${seen}.`);
    if (inside.port !== o.port || inside.vni !== o.vni) {
      return fail(
        `${o.from} reached ${o.to} through VXLAN, but with UDP ${inside.port} and VNI ${inside.vni}; the task asks for ${o.port} and ${o.vni}.`,
      );
    }
    return pass();
  };
}
