/**
 * Read-only questions exercise checks ask about a NetState. Namespace
 * arguments are names from `ip netns`; omit them for the root namespace.
 */
import type {Address, Link, NetState, NsState, ProbeResult, Route} from './model';
import type {OvsInterface, OvsPort} from './parse/ovs';
import {inCidr, prefixLength, routeCidr, sameAddress} from './addr';
import {sourceNat, sourceNatRules, type NatDecision, type Packet} from './nat';

export interface Endpoint {
  ns: string | null;
  link: Link;
}

export interface PortVlans {
  pvid: number | undefined;
  untagged: number[];
  tagged: number[];
}

/** The collector sends binary files up to this size, plus one byte to tell that there was more. */
const FILE_CAP = 1 << 20;

/** atob is in browsers and Node 16+; no Buffer, so the graders run in the page as they are. */
function base64Bytes(text: string): Uint8Array {
  const bin = atob(text.trim());
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export const nsLabel = (ns: string | null | undefined) => (ns ? `namespace ${ns}` : 'the root namespace');

export class Query {
  constructor(readonly state: NetState) {}

  ns(name?: string): NsState | undefined {
    return this.state.namespaces.find((n) => n.name === (name ?? null));
  }

  namespaceNames(): string[] {
    return this.state.namespaces.flatMap((n) => (n.name === null ? [] : [n.name]));
  }

  link(name: string, ns?: string): Link | undefined {
    return this.ns(ns)?.links.find((l) => l.name === name);
  }

  linksOfKind(kind: string, ns?: string): Link[] {
    return this.ns(ns)?.links.filter((l) => l.kind === kind) ?? [];
  }

  /** The bridge a link is enslaved to, if its master is a bridge. */
  bridgeOf(link: string, ns?: string): Link | undefined {
    const master = this.link(link, ns)?.master;
    const m = master === undefined ? undefined : this.link(master, ns);
    return m?.kind === 'bridge' ? m : undefined;
  }

  portsOf(bridge: string, ns?: string): Link[] {
    return this.ns(ns)?.links.filter((l) => l.master === bridge) ?? [];
  }

  /**
   * The other end of a veth. A peer in the same namespace is found by ifindex;
   * one elsewhere through link_netnsid, which `ip netns list-id` names. An
   * nsid with no name is the root namespace seen from inside (it has no
   * /run/netns entry), confirmed by the peer pointing back at us.
   */
  vethPeer(link: string, ns?: string): Endpoint | undefined {
    const here = this.ns(ns);
    const l = here?.links.find((x) => x.name === link);
    if (!here || !l || l.kind !== 'veth' || (l.linkIndex === undefined && l.linkName === undefined)) return undefined;
    if (l.linkNetnsid === undefined) {
      const peer = here.links.find((x) =>
        l.linkIndex !== undefined ? x.ifindex === l.linkIndex : x.name === l.linkName,
      );
      return peer ? {ns: here.name, link: peer} : undefined;
    }
    const named = here.nsids.find((n) => n.nsid === l.linkNetnsid)?.name;
    const candidates =
      named !== undefined ? this.state.namespaces.filter((n) => n.name === named) : this.state.namespaces;
    for (const cand of candidates) {
      if (cand === here) continue;
      const peer = cand.links.find((x) => x.ifindex === l.linkIndex && x.kind === 'veth');
      // Without a name the match must point back, because ifindexes repeat across namespaces.
      if (peer && (named !== undefined || peer.linkIndex === l.ifindex)) return {ns: cand.name, link: peer};
    }
    return undefined;
  }

  /** Links in `ns` whose veth peer is a port of `bridge` in `bridgeNs`. */
  attachments(ns: string | undefined, bridge: string, bridgeNs?: string): {inner: Link; outer: Link}[] {
    const out: {inner: Link; outer: Link}[] = [];
    for (const l of this.ns(ns)?.links ?? []) {
      const peer = this.vethPeer(l.name, ns);
      if (peer && peer.ns === (bridgeNs ?? null) && peer.link.master === bridge) out.push({inner: l, outer: peer.link});
    }
    return out;
  }

  addresses(ns?: string, family: 'inet' | 'inet6' = 'inet'): {link: Link; address: Address}[] {
    return (this.ns(ns)?.links ?? []).flatMap((link) =>
      link.addresses.filter((a) => a.family === family).map((address) => ({link, address})),
    );
  }

  /** Where an address (without prefix) is configured in a namespace. */
  findAddress(ip: string, ns?: string): {link: Link; address: Address} | undefined {
    const fam = ip.includes(':') ? 'inet6' : 'inet';
    return this.addresses(ns, fam).find((a) => sameAddress(a.address.local, ip));
  }

  /**
   * Which route the kernel would pick for `dst`: rules in priority order
   * (only the selector-less ones, which is what labs use), longest prefix
   * first within a table, lowest metric on ties.
   */
  routeLookup(dst: string, ns?: string): Route | undefined {
    const n = this.ns(ns);
    if (!n) return undefined;
    const fam = dst.includes(':') ? 'inet6' : 'inet';
    const tables = n.rules.length
      ? [...n.rules]
          .sort((a, b) => a.priority - b.priority)
          .filter((r) => (r.src === undefined || r.src === 'all') && !r.dst && !r.iif && !r.oif && !r.fwmark && !r.not)
          .flatMap((r) => (r.table ? [r.table] : []))
      : ['local', 'main'];
    for (const table of tables) {
      let best: Route | undefined;
      for (const r of n.routes) {
        if (r.table !== table || r.family !== fam || r.type === 'broadcast') continue;
        if (inCidr(dst, routeCidr(r.dst, r.family)) !== true) continue;
        const better =
          !best ||
          prefixLength(routeCidr(r.dst, r.family)) > prefixLength(routeCidr(best.dst, best.family)) ||
          (prefixLength(routeCidr(r.dst, r.family)) === prefixLength(routeCidr(best.dst, best.family)) &&
            (r.metric ?? 0) < (best.metric ?? 0));
        if (better) best = r;
      }
      if (best) return best;
    }
    return undefined;
  }

  defaultRoute(ns?: string): Route | undefined {
    return this.ns(ns)?.routes.find((r) => r.dst === 'default' && r.table === 'main' && r.family === 'inet');
  }

  probe(id: string): ProbeResult | undefined {
    return this.state.probes[id];
  }

  /**
   * A file from the exercise's `files` or `binaryFiles`, as bytes. `truncated`:
   * the file is larger than the 1 MiB the collector sends, and `bytes` is its start.
   */
  fileBytes(path: string): {bytes: Uint8Array; truncated: boolean} | undefined {
    const f = this.state.files[path];
    if (!f?.exists) return undefined;
    if (f.encoding !== 'base64') return {bytes: new TextEncoder().encode(f.content), truncated: false};
    const bytes = base64Bytes(f.content);
    return bytes.length > FILE_CAP ? {bytes: bytes.subarray(0, FILE_CAP), truncated: true} : {bytes, truncated: false};
  }

  /** Whether the collector found ovsdb-server running. */
  ovsRunning(): boolean {
    return this.state.ovs !== undefined;
  }

  /** An Open vSwitch port by name (its bridge in `bridge`). */
  ovsPort(name: string): OvsPort | undefined {
    return this.state.ovs?.ports.find((p) => p.name === name);
  }

  ovsInterface(name: string): OvsInterface | undefined {
    return this.state.ovs?.interfaces.find((i) => i.name === name);
  }

  sysctl(key: string, ns?: string): string | undefined {
    return this.ns(ns)?.sysctls[key];
  }

  /** Is IPv4 forwarding on for packets arriving on `iif`? The kernel checks the ingress device. */
  forwards(iif: string, ns?: string): boolean {
    return this.sysctl(`net.ipv4.conf.${iif}.forwarding`, ns) === '1';
  }

  portVlans(port: string, ns?: string): PortVlans | undefined {
    const entry = this.ns(ns)?.bridgeVlans.find((v) => v.ifname === port);
    if (!entry) return undefined;
    const out: PortVlans = {pvid: undefined, untagged: [], tagged: []};
    for (const v of entry.vlans) {
      for (let id = v.vlan; id <= (v.vlanEnd ?? v.vlan); id++) {
        (v.untagged ? out.untagged : out.tagged).push(id);
        if (v.pvid) out.pvid = id;
      }
    }
    return out;
  }

  sourceNat(packet: Packet, ns?: string): NatDecision {
    const n = this.ns(ns);
    return n ? sourceNat(n, packet) : {kind: 'none'};
  }

  sourceNatRules(ns?: string): {tool: string; text: string}[] {
    const n = this.ns(ns);
    return n ? sourceNatRules(n) : [];
  }
}

/**
 * "UP", or "DOWN" with the command that fixes it. A link inside a namespace
 * needs `ip -n NS`: the plain command would act on (or miss) a root-namespace
 * link of the same name, e.g. the learner's own eth0.
 */
export function linkStateText(l: Link, ns?: string | null): string {
  if (!l.up) return `DOWN (administratively; run \`ip ${ns ? `-n ${ns} ` : ''}link set ${l.name} up\`)`;
  if (l.operstate === 'UP' || l.operstate === 'UNKNOWN') return 'UP';
  return `up but its carrier is ${l.operstate} (is the other end up?)`;
}
