/**
 * Checks for Pods that reach each other across nodes through a VXLAN overlay
 * (kubernetes/vxlan-overlay): the probes decide, and when one fails these
 * functions read each node's route, neighbour and FDB entries to say which
 * step of Flannel's recipe is missing. Device names are not graded: any VXLAN
 * device (or a bridge with one as a port) that carries the packets counts.
 */
import {inCidr} from './addr';
import {fail, pass, type CheckFn} from './exercise';
import type {Link, NsState, Route} from './model';
import type {Query} from './query';
import {describeUnderlay, underlayView} from './underlay';
import {floodTargets, vtepOf} from './vxlan';

export interface OverlayNode {
  node: string;
  /** The node's own address on its LAN: the outer source of its VXLAN packets. */
  underlay: string;
  podCidr: string;
  /** The network address of the Pod CIDR: what Flannel puts on flannel.1 as a /32 and routes via. */
  vtepIp: string;
  pod: string;
  podIp: string;
}

const sameMac = (a?: string, b?: string) => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
const routeText = (r: Route) => `${r.dst}${r.gateway ? ` via ${r.gateway}` : ''}${r.dev ? ` dev ${r.dev}` : ''}`;

/** `node` has a VXLAN device with `vni` that is up (any name: flannel.1 is Flannel's). */
export function overlayVtep(n: OverlayNode, peer: OverlayNode, vni: number): CheckFn {
  return (q) => {
    if (!q.ns(n.node)) return fail(`Namespace ${n.node} is gone; press Start to rebuild the start state.`);
    const l = vtepOf(q, n.node, vni);
    if (!l?.vxlan) {
      return fail(
        `${n.node} has no VXLAN device (\`ip -n ${n.node} -d link show type vxlan\` lists none). Flannel creates ` +
          `flannel.1 with VNI ${vni} on UDP 8472 over eth0, local ${n.underlay}, nolearning.` +
          // Why the Pods cannot talk yet, from the node's routes (usually: to the router, which drops it).
          (q.ns(n.pod) && diagnoseLeg(q, n, peer) ? ` Meanwhile: ${diagnoseLeg(q, n, peer)}` : ''),
      );
    }
    const other = vtepOf(q, peer.node, vni)?.vxlan;
    if (l.vxlan.vni !== vni) {
      return fail(
        `${n.node}'s ${l.name} has VNI ${l.vxlan.vni ?? 'none (external)'}, not ${vni}` +
          (other?.vni !== undefined ? ` (${peer.node}'s has ${other.vni})` : '') +
          `: a VTEP hands an arriving frame only to its device with the frame's VNI. Recreate it with \`id ${vni}\`.`,
      );
    }
    if (!l.up) return fail(`${n.node}'s ${l.name} is DOWN: \`ip -n ${n.node} link set ${l.name} up\`.`);
    return pass();
  };
}

/** What the peer answers ARP for on its VXLAN device: its own addresses, or anything it routes with proxy_arp. */
function peerAnswersArp(q: Query, peer: OverlayNode, ip: string, dev?: Link): boolean {
  if (q.findAddress(ip, peer.node)) return true;
  const proxy = (k: string) => q.sysctl(`net.ipv4.conf.${k}.proxy_arp`, peer.node) === '1';
  return dev !== undefined && (proxy('all') || proxy(dev.name));
}

/** Why a packet from `a`'s Pod to `b`'s Pod would not leave `a` inside the tunnel, as far as the state shows. */
function vxlanLeg(q: Query, a: OverlayNode, b: OverlayNode, r: Route, dev: Link): string | undefined {
  const ns = q.ns(a.node) as NsState;
  const vx = dev.vxlan;
  if (!vx) return undefined;
  if (!dev.up) return `${a.node}'s ${dev.name} is DOWN.`;
  const peerDev = vtepOf(q, b.node, vx.vni ?? 1);
  if (peerDev?.vxlan && peerDev.vxlan.port !== vx.port) {
    return (
      `${a.node}'s ${dev.name} sends to UDP ${vx.port} but ${b.node}'s ${peerDev.name} listens on ${peerDev.vxlan.port}: ` +
      `each end sends to its own port and listens only there.`
    );
  }
  if (peerDev?.vxlan && peerDev.vxlan.vni !== vx.vni) {
    return `${a.node}'s ${dev.name} has VNI ${vx.vni} and ${b.node}'s ${peerDev.name} VNI ${peerDev.vxlan.vni}: frames find no device on arrival.`;
  }
  const hop = r.gateway ?? b.podIp;
  const flood = floodTargets(q, a.node, dev);
  const neigh = ns.neighbours.find(
    (n) =>
      n.dst === hop && n.dev === dev.name && n.lladdr && !n.state.some((s) => s === 'FAILED' || s === 'INCOMPLETE'),
  );
  if (!neigh) {
    if (flood.length === 0) {
      if (!r.gateway) {
        return (
          `${a.node} routes ${b.podCidr} straight out of ${dev.name} with no gateway (${routeText(r)}), so it needs the MAC ` +
          `of ${b.podIp} itself: no neighbour entry names it, and the ARP request is a broadcast that ${dev.name} ` +
          `(no remote, no all-zero FDB entry) sends nowhere. Flannel routes via the peer's ${b.vtepIp} instead, ` +
          `\`${b.podCidr} via ${b.vtepIp} dev ${dev.name} onlink\` (onlink: ${b.vtepIp} is in no subnet of ${a.node}), ` +
          `and writes the MAC of ${b.vtepIp} as a permanent neighbour.`
        );
      }
      return (
        `${a.node} has no neighbour entry for ${hop} on ${dev.name}, and ${dev.name} has no remote and no all-zero FDB ` +
        `entry: the ARP request for ${hop} is a broadcast with no VTEP to go to, so nothing leaves. Flannel writes it: ` +
        `\`ip -n ${a.node} neigh replace ${hop} lladdr <${b.node}'s VTEP MAC> dev ${dev.name} nud permanent\`.`
      );
    }
    if (!flood.includes(b.underlay)) {
      return `${a.node}'s ${dev.name} floods (ARP) to ${flood.join(', ')}, but ${b.node}'s VTEP is ${b.underlay}.`;
    }
    if (!peerAnswersArp(q, b, hop, peerDev)) {
      return (
        `${a.node} asks by ARP through the tunnel for ${hop}, but ${b.node} answers ARP only for its own addresses ` +
        `(or with proxy_arp) and ${hop} is not one of them.`
      );
    }
    return undefined;
  }
  const mac = neigh.lladdr as string;
  if (peerDev?.mac && !sameMac(mac, peerDev.mac)) {
    const own = sameMac(mac, dev.mac) ? `, ${a.node}'s own ${dev.name} MAC` : '';
    return (
      `${a.node}'s neighbour entry says ${hop} is at ${mac}${own}, but ${b.node}'s ${peerDev.name} has MAC ` +
      `${peerDev.mac}: ${b.node} drops frames addressed to another MAC.`
    );
  }
  const entries = ns.fdb.filter((e) => e.ifname === dev.name && e.dst !== undefined);
  const forMac = entries.find((e) => sameMac(e.mac, mac));
  if (forMac) {
    if (forMac.dst === b.underlay) return undefined;
    return `${a.node}'s ${dev.name} sends frames for ${mac} to ${forMac.dst}; ${b.node}'s VTEP is ${b.underlay}.`;
  }
  if (flood.includes(b.underlay)) return undefined;
  return (
    `${a.node} knows that ${hop} is at ${mac} (its neighbour entry), but ${dev.name}'s FDB has no entry for ${mac}` +
    (flood.length ? ` and floods only to ${flood.join(', ')}` : ' and no all-zero entry') +
    `: the frame has a destination MAC and no VTEP to send it to, so it is dropped before any UDP leaves. ` +
    `Flannel writes \`bridge -n ${a.node} fdb append ${mac} dev ${dev.name} dst ${b.underlay}\`.`
  );
}

/** Why `a`'s Pod's packets to `b`'s Pod would not reach `b` (or the first thing that stops them). */
export function diagnoseLeg(q: Query, a: OverlayNode, b: OverlayNode): string | undefined {
  if (!q.ns(a.node) || !q.ns(a.pod)) return `Namespace ${q.ns(a.node) ? a.pod : a.node} is gone; press Start.`;
  if (!q.routeLookup(b.podIp, a.pod))
    return `${a.pod} has no route to ${b.podIp} (its default route via cni0 is gone).`;
  const r = q.routeLookup(b.podIp, a.node);
  if (!r) return `${a.node} has no route to ${b.podIp}, not even a default one.`;
  const dev = r.dev ? q.link(r.dev, a.node) : undefined;
  if (dev?.kind === 'vxlan') {
    const why = vxlanLeg(q, a, b, r, dev);
    if (why) return why;
    if (!q.routeLookup(b.underlay, a.node)) {
      return `${a.node} has no route to ${b.underlay}, ${b.node}'s address: its VXLAN datagrams cannot leave.`;
    }
    return undefined;
  }
  // A VXLAN device bridged into cni0 stretches the Pod bridge instead: nothing here to judge, the probes decide.
  if (dev?.kind === 'bridge' && q.portsOf(dev.name, a.node).some((p) => p.kind === 'vxlan')) return undefined;
  if (r.gateway && inCidr(r.gateway, `${a.underlay}/24`)) {
    const router = q.namespaceNames().find((n) => q.findAddress(r.gateway as string, n));
    const theirs = router ? q.routeLookup(b.podIp, router) : undefined;
    if (theirs && theirs.dst !== 'default' && theirs.dev !== undefined) {
      return (
        `${a.node} sends ${b.podIp} to ${r.gateway} (${routeText(r)}), and ${router} routes it on by its own ` +
        `route ${routeText(theirs)}: a route ${router} may not have. Route ${b.podCidr} into the VXLAN device instead.`
      );
    }
    return (
      `${a.node} sends ${b.podIp} to ${r.gateway} (${routeText(r)}): that is the router, which has no route to ` +
      `the Pod CIDRs and may not get one, so it drops the packet ("Destination Net Unreachable"). Route ${b.podCidr} ` +
      `into the VXLAN device, so that it crosses the router inside UDP to ${b.underlay}.`
    );
  }
  return `${a.node} routes ${b.podIp} by \`${routeText(r)}\`, which does not lead into the VXLAN device: it is never encapsulated.`;
}

/** The probe `id` (a ping from a's Pod to b's Pod) got its answer; else what stops it, either way. */
export function podPing(id: string, a: OverlayNode, b: OverlayNode): CheckFn {
  return (q) => {
    const p = q.probe(id);
    if (!p) throw new Error(`the live test "${id}" produced no result`);
    if (p.ok) return pass();
    const there = diagnoseLeg(q, a, b);
    const back = diagnoseLeg(q, b, a);
    const head = `${a.pod} got no answer from ${b.podIp}.`;
    if (there) return fail(`${head} ${there}`);
    if (back) return fail(`${head} The request can go, but not the reply: ${back}`);
    const v = p.capture !== undefined ? underlayView(p) : undefined;
    const seen = v && typeof v !== 'string' ? ` On the router during the ping: ${describeUnderlay(v)}.` : '';
    return fail(`${head} Routes, neighbour and FDB entries look right on both nodes.${seen}`);
  };
}

/** The `source` probe `id` from a's Pod to b's Pod: b must see a's Pod address, untranslated. */
export function podSource(id: string, a: OverlayNode, b: OverlayNode): CheckFn {
  return (q) => {
    const p = q.probe(id);
    if (!p) throw new Error(`the live test "${id}" produced no result`);
    const seen = p.seenSource;
    if (seen === a.podIp) return pass();
    if (seen === undefined) return fail(`Nothing ${a.pod} sent to ${b.podIp} (UDP) reached ${b.pod}.`);
    const owner = q.namespaceNames().find((n) => q.findAddress(seen, n));
    const where = owner ? ` (${owner}'s ${q.findAddress(seen, owner)?.link.name} address)` : '';
    const rules = owner ? q.sourceNatRules(owner).map((r) => `${r.tool}: ${r.text}`) : [];
    return fail(
      `${b.pod} saw ${seen}${where} as the source of ${a.pod}'s datagrams, not ${a.podIp}: ` +
        `${owner ?? 'something on the way'} rewrites the source (MASQUERADE or SNAT)` +
        (rules.length ? ` with ${rules.join(' | ')}` : '') +
        `. Kubernetes requires that Pods reach each other without NAT, each seeing the other's own address.`,
    );
  };
}

/** The capture of probe `id`, on the router, shows a's Pod's echo request inside VXLAN `vni`/`port` between the nodes. */
export function overlayCapture(id: string, a: OverlayNode, b: OverlayNode, vni: number, port: number): CheckFn {
  return (q) => {
    const p = q.probe(id);
    if (!p) throw new Error(`the live test "${id}" produced no result`);
    const v = underlayView(p);
    if (typeof v === 'string') return fail(`${a.pod} pinged ${b.podIp}, but ${v}.`);
    const seen = `The router saw: ${describeUnderlay(v)}.`;
    const req = v.tunnelled.filter((t) => t.inner === 'echo request' && t.innerDst === b.podIp);
    if (req.length === 0) {
      if (v.bare.some((x) => x.dst === b.podIp)) {
        return fail(
          `${a.pod}'s ping crossed the router as plain ICMP to ${b.podIp}, not inside VXLAN: the router routes Pod ` +
            `addresses, which an overlay exists to avoid. ${seen}`,
        );
      }
      return fail(`${a.pod}'s echo request to ${b.podIp} did not cross the router inside VXLAN. ${seen}`);
    }
    const t = req[0];
    if (t.port !== port) {
      return fail(
        `${a.pod}'s ping crossed the router inside VXLAN on UDP ${t.port}, not ${port}. Flannel's vxlan backend ` +
          `leaves the port to the kernel unless its \`Port\` option is set, and the Linux vxlan driver's default ` +
          `(what a device gets when \`dstport\` is left out or 0) is ${port}, older than IANA's 4789. A VXLAN ` +
          `device's port cannot be changed: delete it and create it again with \`dstport ${port}\` on both nodes.`,
      );
    }
    if (t.vni !== vni) return fail(`${a.pod}'s ping crossed the router with VNI ${t.vni}, not ${vni}. ${seen}`);
    if (t.outerSrc !== a.underlay || t.outerDst !== b.underlay) {
      return fail(
        `The VXLAN packets went ${t.outerSrc} → ${t.outerDst}; the VTEPs are the nodes, ${a.underlay} → ${b.underlay}.`,
      );
    }
    return pass();
  };
}
