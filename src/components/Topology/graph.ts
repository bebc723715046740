/**
 * The network a NetState describes, as a graph to draw: namespaces as boxes,
 * interfaces as ports, devices that own others (bridges, bonds, VRFs, OVS
 * bridges) as switches holding their ports, veth pairs as cables, VXLAN
 * tunnels between the VTEPs that name each other. Pure (no DOM, no layout),
 * so the page, the grade CLI and the unit tests build the same graph.
 */
import type {Link, NetState, NsState, Route} from '../../../graders/model';
import {Query} from '../../../graders/query';

export type PortState = 'up' | 'down' | 'nocarrier';

export interface TopoPort {
  id: string;
  name: string;
  /** Lines under the name: kind and state, addresses, VLANs, VXLAN parameters. */
  lines: string[];
  state: PortState;
  /** A loopback that is down: said, but not drawn as a broken link (it is no cable, and often left down). */
  quiet?: boolean;
  /** Hover text: everything above plus link-local addresses, MAC, MTU, flags. */
  title: string;
}

export interface TopoSwitch extends TopoPort {
  ports: TopoPort[];
}

export interface TopoNamespace {
  id: string;
  /** "root namespace" or the name from `ip netns`. */
  label: string;
  ports: TopoPort[];
  switches: TopoSwitch[];
  children: TopoNamespace[];
  /** The namespace's routes, `ip route` style (all tables but local). */
  routes: string[];
  /** Hover text: the label and the routes. */
  title: string;
}

export type EdgeKind = 'veth' | 'tunnel' | 'lower';

export interface TopoEdge {
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  /** Either end down or without carrier. */
  down: boolean;
  label?: string;
}

export interface TopoGraph {
  namespaces: TopoNamespace[];
  edges: TopoEdge[];
  /** Each element's drawn content, to tell what changed between two drawings. */
  signatures: Record<string, string>;
}

const nsKey = (ns: string | null) => ns ?? '.';
export const nsId = (ns: string | null) => `ns:${nsKey(ns)}`;
export const portId = (ns: string | null, name: string) => `if:${nsKey(ns)}/${name}`;

/** Admin state first: a link set down says "DOWN" even though it also has no carrier. */
export function portState(l: Link): PortState {
  if (!l.up) return 'down';
  if (l.flags.includes('NO-CARRIER') || ['DOWN', 'LOWERLAYERDOWN', 'NOTPRESENT'].includes(l.operstate))
    return 'nocarrier';
  return 'up';
}
const STATE_TEXT: Record<PortState, string> = {up: 'UP', down: 'DOWN', nocarrier: 'NO CARRIER'};

const isLinkLocal = (a: Link['addresses'][number]) => a.scope === 'link' || a.local.startsWith('fe80:');
const isLoopbackAddr = (a: Link['addresses'][number]) => a.local === '127.0.0.1' || a.local === '::1';

/** Addresses worth a line on the drawing; the rest (fe80::, lo's own) go to the hover text. */
function shownAddresses(l: Link): string[] {
  return l.addresses.filter((a) => !isLinkLocal(a) && !isLoopbackAddr(a)).map((a) => `${a.local}/${a.prefixlen}`);
}

export function formatRoute(r: Route): string {
  const parts = [r.type === 'unicast' ? '' : r.type, r.dst];
  if (r.gateway) parts.push(`via ${r.gateway}`);
  if (r.dev) parts.push(`dev ${r.dev}`);
  if (r.table !== 'main') parts.push(`table ${r.table}`);
  if (r.prefsrc) parts.push(`src ${r.prefsrc}`);
  if (r.metric !== undefined) parts.push(`metric ${r.metric}`);
  return parts.filter(Boolean).join(' ');
}

/** Routes a learner reads: not the kernel's local table, not the fe80::/64 every link gets. */
function routeLines(ns: NsState): string[] {
  return ns.routes
    .filter((r) => r.table !== 'local' && !(r.family === 'inet6' && /^(fe80|ff00)::/.test(r.dst)))
    .map(formatRoute);
}

function vlanText(ns: NsState, l: Link, ovsTag?: string): string | undefined {
  if (ovsTag) return ovsTag;
  const entry = ns.bridgeVlans.find((v) => v.ifname === l.name);
  if (!entry || entry.vlans.length === 0) return undefined;
  const master = l.kind === 'bridge' ? l : ns.links.find((m) => m.name === l.master);
  // Without vlan_filtering every port shows VLAN 1: that says nothing worth drawing.
  if (!master?.vlanFiltering) return undefined;
  const parts = entry.vlans.map((v) => {
    const range = v.vlanEnd !== undefined ? `${v.vlan}-${v.vlanEnd}` : String(v.vlan);
    return `${range}${v.pvid ? ' pvid' : ''}${v.untagged ? ' untagged' : ' tagged'}`;
  });
  return `VLAN ${parts.join(', ')}`;
}

function vxlanLines(l: Link): string[] {
  const v = l.vxlan;
  if (!v) return [];
  const vni = v.external ? 'external' : `VNI ${v.vni ?? '?'}`;
  const peer = v.remote ? `remote ${v.remote}` : v.group ? `group ${v.group}` : 'no remote (FDB only)';
  return [`${vni} · dstport ${v.port}`, peer];
}

function describe(ns: NsState, l: Link, ovsTag?: string): TopoPort {
  const own = portState(l);
  // An OVS bridge forwards whatever its internal port's state: that port's DOWN is not a broken switch.
  const ovs = l.kind === 'openvswitch';
  const state = ovs ? 'up' : own;
  const kind = l.kind ?? (l.flags.includes('LOOPBACK') ? 'loopback' : 'device');
  const lines = [ovs ? `${kind} · internal port ${STATE_TEXT[own]}` : `${kind} · ${STATE_TEXT[state]}`];
  lines.push(...shownAddresses(l));
  const vlan = vlanText(ns, l, ovsTag);
  if (vlan) lines.push(vlan);
  if (l.vlanId !== undefined && l.kind === 'vlan') lines.push(`802.1Q id ${l.vlanId}`);
  lines.push(...vxlanLines(l));
  if (l.kind === 'bridge' && l.vlanFiltering) lines.push('vlan_filtering on');
  const hidden = l.addresses.filter((a) => !shownAddresses(l).includes(`${a.local}/${a.prefixlen}`));
  const title = [
    `${l.name} (${kind}) ${STATE_TEXT[own]}, operstate ${l.operstate}`,
    ...lines.slice(1),
    ...hidden.map((a) => `${a.local}/${a.prefixlen} (${isLinkLocal(a) ? 'link-local' : 'loopback'})`),
    [l.mac && `MAC ${l.mac}`, l.mtu && `MTU ${l.mtu}`].filter(Boolean).join(', '),
    `flags <${l.flags.join(',')}>`,
  ].filter(Boolean);
  const quiet = kind === 'loopback' && state !== 'up';
  return {id: portId(ns.name, l.name), name: l.name, lines, state, ...(quiet ? {quiet} : {}), title: title.join('\n')};
}

/** OVS ports: the bridge each kernel device belongs to, and its VLAN as ovs-vsctl says. */
function ovsMembership(state: NetState): Map<string, {bridge: string; tag?: string}> {
  const out = new Map<string, {bridge: string; tag?: string}>();
  for (const p of state.ovs?.ports ?? []) {
    if (!p.bridge || p.name === p.bridge) continue;
    const tag =
      p.tag !== undefined ? `VLAN ${p.tag} (access)` : p.trunks.length ? `trunk ${p.trunks.join(',')}` : undefined;
    for (const i of p.interfaces) out.set(i, {bridge: p.bridge, tag});
  }
  return out;
}

/** The device drawn around a link, if any: its master, or its OVS bridge (root namespace only). */
function containerOf(ns: NsState, l: Link, ovs: Map<string, {bridge: string}>): string | undefined {
  const o = ns.name === null ? ovs.get(l.name) : undefined;
  if (o && ns.links.some((m) => m.name === o.bridge)) return o.bridge;
  if (l.master && l.master !== 'ovs-system' && ns.links.some((m) => m.name === l.master)) return l.master;
  return undefined;
}

export function buildGraph(state: NetState): TopoGraph {
  const q = new Query(state);
  const ovs = ovsMembership(state);
  const edges = new Map<string, TopoEdge>();
  const ports = new Map<string, TopoPort>();
  const addEdge = (a: string, b: string, kind: EdgeKind, label?: string) => {
    const [from, to] = kind === 'lower' ? [a, b] : [a, b].sort();
    const id = `${kind}:${from}~${to}`;
    if (from === to || edges.has(id)) return;
    const down = [from, to].some((p) => ports.get(p)?.state !== 'up');
    edges.set(id, {id, from, to, kind, down, ...(label ? {label} : {})});
  };

  const boxes = new Map<string | null, TopoNamespace>();
  for (const ns of state.namespaces) {
    const containers = new Map<string, Link[]>();
    const loose: Link[] = [];
    for (const l of ns.links) {
      const c = containerOf(ns, l, ovs);
      if (c) containers.set(c, [...(containers.get(c) ?? []), l]);
      else loose.push(l);
    }
    const label = ns.name === null ? 'root namespace' : `netns ${ns.name}`;
    const routes = routeLines(ns);
    const title = [label, routes.length ? 'Routes:' : 'No routes', ...routes].join('\n');
    const box: TopoNamespace = {id: nsId(ns.name), label, ports: [], switches: [], children: [], routes, title};
    for (const l of loose) {
      const p = describe(ns, l);
      ports.set(p.id, p);
      const members = containers.get(l.name);
      if (!members) {
        box.ports.push(p);
        continue;
      }
      const sw: TopoSwitch = {...p, ports: members.map((m) => describe(ns, m, ovs.get(m.name)?.tag))};
      for (const m of sw.ports) ports.set(m.id, m);
      box.switches.push(sw);
    }
    // A member whose master is itself a member (a bond in a bridge) is drawn flat in the namespace.
    for (const [c, members] of containers) {
      if (loose.some((l) => l.name === c)) continue;
      for (const m of members) {
        const p = describe(ns, m);
        ports.set(p.id, p);
        box.ports.push(p);
      }
    }
    boxes.set(ns.name, box);
  }

  for (const ns of state.namespaces) {
    for (const l of ns.links) {
      const here = portId(ns.name, l.name);
      if (l.kind === 'veth') {
        const peer = q.vethPeer(l.name, ns.name ?? undefined);
        if (peer) addEdge(here, portId(peer.ns, peer.link.name), 'veth');
      } else if (l.linkIndex !== undefined && l.linkNetnsid === undefined) {
        // vlan, macvlan, ipvlan: the parent device in the same namespace.
        const parent = ns.links.find((p) => p.ifindex === l.linkIndex);
        if (parent) addEdge(portId(ns.name, parent.name), here, 'lower', l.kind);
      }
      // Lower device first, so the layout puts it on the side its cable comes from.
      if (l.vxlan?.dev) addEdge(portId(ns.name, l.vxlan.dev), here, 'lower', 'underlay');
    }
  }
  for (const [a, b, label] of tunnels(state)) addEdge(a, b, 'tunnel', label);

  const top = nest(state, q, boxes);
  const signatures: Record<string, string> = {};
  for (const p of ports.values()) signatures[p.id] = [p.state, ...p.lines].join('|');
  for (const ns of state.namespaces) signatures[nsId(ns.name)] = routeLines(ns).join('|');
  for (const e of edges.values()) signatures[e.id] = `${e.down}|${e.label ?? ''}`;
  return {namespaces: top, edges: [...edges.values()], signatures};
}

/** Which namespace holds an address (the VTEP a remote or an FDB entry names). */
function ownerOf(state: NetState, ip: string): NsState | undefined {
  return state.namespaces.find((ns) => ns.links.some((l) => l.addresses.some((a) => a.local === ip)));
}

/** VXLAN devices joined by a remote or FDB destination that another namespace owns, with a matching VNI. */
function tunnels(state: NetState): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const ns of state.namespaces) {
    for (const l of ns.links) {
      if (!l.vxlan) continue;
      const remotes = new Set([l.vxlan.remote, ...ns.fdb.filter((f) => f.ifname === l.name).map((f) => f.dst)]);
      for (const ip of remotes) {
        if (!ip || ip === '0.0.0.0') continue;
        const far = ownerOf(state, ip);
        if (!far || far === ns) continue;
        const match = far.links.find((w) => w.vxlan && w.vxlan.vni === l.vxlan?.vni);
        if (match) out.push([portId(ns.name, l.name), portId(far.name, match.name), `VNI ${l.vxlan.vni ?? '?'}`]);
      }
    }
  }
  return out;
}

/**
 * Pods drawn inside their node: a named namespace goes inside another named
 * one when every cable it has ends on a bridge port there and that namespace
 * has cables elsewhere. A host wired to a router (not a bridge) stays beside it.
 */
function nest(state: NetState, q: Query, boxes: Map<string | null, TopoNamespace>): TopoNamespace[] {
  const parent = new Map<string, string>();
  const peersOf = (ns: NsState) =>
    ns.links.flatMap((l) => {
      const p = l.kind === 'veth' ? q.vethPeer(l.name, ns.name ?? undefined) : undefined;
      return p ? [p] : [];
    });
  for (const ns of state.namespaces) {
    if (ns.name === null) continue;
    const peers = peersOf(ns).filter((p) => p.ns !== ns.name);
    const host = peers[0]?.ns;
    if (!host || !peers.every((p) => p.ns === host && p.link.master)) continue;
    const hostNs = state.namespaces.find((n) => n.name === host);
    if (hostNs && peersOf(hostNs).some((p) => p.ns !== ns.name && p.ns !== host)) parent.set(ns.name, host);
  }
  const top: TopoNamespace[] = [];
  for (const [name, box] of boxes) {
    // Only one level: a parent that is itself nested keeps its children beside it.
    const p = name === null ? undefined : parent.get(name);
    const holder = p !== undefined && !parent.has(p) ? boxes.get(p) : undefined;
    (holder ? holder.children : top).push(box);
  }
  return top;
}

export interface GraphChange {
  /** Ids of elements that are new or drawn differently. */
  changed: Set<string>;
  /** Readable names of what was there and is gone. */
  removed: string[];
}

/** What differs between the previous drawing and this one. */
export function diffGraphs(before: TopoGraph | null, after: TopoGraph): GraphChange {
  const changed = new Set<string>();
  if (!before) return {changed, removed: []};
  for (const [id, sig] of Object.entries(after.signatures)) if (before.signatures[id] !== sig) changed.add(id);
  const removed = Object.keys(before.signatures)
    .filter((id) => !(id in after.signatures))
    .map((id) => id.replace(/^if:\.?\/?/, '').replace(/^ns:/, 'netns '))
    .filter((id) => !id.startsWith('veth:') && !id.startsWith('lower:') && !id.startsWith('tunnel:'));
  return {changed, removed};
}
