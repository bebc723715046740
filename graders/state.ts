/**
 * Turns collector sections into a NetState. Missing or unreadable optional
 * sections become `problems`; sections a grader cannot do without (the link
 * list of a namespace) make the whole state unreadable.
 */
import {NET_STATE_VERSION, type NetState, type NsState} from './model';
import {parseIptablesSave} from './parse/iptables';
import {parseNetconf} from './parse/netconf';
import {parseNftRuleset} from './parse/nft';
import {parseOvs} from './parse/ovs';
import {parseIpvs} from './parse/ipvs';
import {parseConntrack} from './parse/conntrack';
import * as ip from './parse/iproute';
import {parseDnsmasqLeases, parseProcs} from './parse/procs';
import {probeResult, type ProbeDecl} from './probes';
import {parseSections, ROOT_FRAME_NS, type ParseOutcome, type Section} from './sections';

function emptyNs(name: string | null): NsState {
  return {
    name,
    links: [],
    routes: [],
    rules: [],
    neighbours: [],
    nsids: [],
    bridgePorts: [],
    bridgeVlans: [],
    fdb: [],
    sysctls: {},
  };
}

/** Sections whose failure makes grading impossible. */
const REQUIRED = new Set(['ip.link', 'ip.addr', 'ip.route']);

export function buildNetState(sections: Section[], probes: readonly ProbeDecl[] = []): ParseOutcome<NetState> {
  const byNs = new Map<string, Map<string, Section>>();
  for (const s of sections) {
    let m = byNs.get(s.ns);
    if (!m) byNs.set(s.ns, (m = new Map()));
    m.set(s.name, s);
  }
  const root = byNs.get(ROOT_FRAME_NS);
  if (!root || !root.has('ip.link')) return {ok: false, error: 'the collector output has no root namespace link list'};

  const problems: string[] = [];
  const namespaces: NsState[] = [];
  for (const [frameNs, secs] of byNs) {
    const nsName = frameNs === ROOT_FRAME_NS ? null : frameNs;
    const where = nsName === null ? 'root namespace' : `namespace ${nsName}`;
    const err = secs.get('error');
    if (err) {
      problems.push(`${where}: ${err.body}`);
      continue;
    }
    const ns = emptyNs(nsName);
    // Each entry: section name, parser, and where its value goes.
    const read = <T>(name: string, parse: (t: string) => ParseOutcome<T>, store: (v: T) => void): string | null => {
      const s = secs.get(name);
      if (!s) return REQUIRED.has(name) ? `${where}: section ${name} is missing` : null;
      if (s.rc !== 0) return `${where}: ${name} failed (exit ${s.rc}): ${s.body.slice(0, 200)}`;
      const r = parse(s.body);
      if (!r.ok) return `${where}: ${r.error}`;
      store(r.value);
      return null;
    };
    let addrs = new Map<number, NsState['links'][number]['addresses']>();
    const fatal = [
      read('ip.link', ip.parseLinks, (v) => (ns.links = v)),
      read('ip.addr', ip.parseAddresses, (v) => (addrs = v)),
      read('ip.route', ip.parseRoutes, (v) => (ns.routes = v)),
    ].filter((e): e is string => e !== null);
    if (fatal.length > 0) return {ok: false, error: fatal.join('; ')};
    for (const l of ns.links) l.addresses = addrs.get(l.ifindex) ?? [];

    // Namespaces the collector entered have a sysctl section read from
    // /proc/sys; the others (and no recording before netconf) have only
    // ip.netconf, which covers forwarding, rp_filter and proxy_arp.
    const sysctls: [string, (t: string) => ParseOutcome<Record<string, string>>] =
      secs.has('sysctl') || !secs.has('ip.netconf') ? ['sysctl', ip.parseSysctls] : ['ip.netconf', parseNetconf];
    let iptNft: NonNullable<NsState['iptables']>['nft'] | undefined;
    let iptLegacy: NonNullable<NsState['iptables']>['legacy'] | undefined;
    const optional = [
      read('ip.rule', ip.parseRules, (v) => (ns.rules = v)),
      read('ip.neigh', ip.parseNeighbours, (v) => (ns.neighbours = v)),
      read('ip.nsid', ip.parseNsids, (v) => (ns.nsids = v)),
      read('bridge.link', ip.parseBridgeLinks, (v) => (ns.bridgePorts = v)),
      read('bridge.vlan', ip.parseBridgeVlans, (v) => (ns.bridgeVlans = v)),
      read('bridge.fdb', ip.parseFdb, (v) => (ns.fdb = v)),
      read(sysctls[0], sysctls[1], (v) => (ns.sysctls = v)),
      read('iptables.nft', parseIptablesSave, (v) => (iptNft = v)),
      read('iptables.legacy', parseIptablesSave, (v) => (iptLegacy = v)),
      read('nft', parseNftRuleset, (v) => (ns.nft = v)),
      read('ss', ip.parseSockets, (v) => (ns.sockets = v)),
      read('ipvs', parseIpvs, (v) => (ns.ipvs = v)),
      read('conntrack', parseConntrack, (v) => (ns.conntrack = v)),
    ];
    for (const e of optional) if (e !== null) problems.push(e);
    if (iptNft || iptLegacy) {
      ns.iptables = {nft: iptNft ?? {tables: {}}, legacy: iptLegacy ?? {tables: {}}};
    }
    namespaces.push(ns);
  }
  // Root first, then by name, so recorded states compare stably.
  namespaces.sort((a, b) => (a.name === null ? -1 : b.name === null ? 1 : a.name.localeCompare(b.name)));

  const state: NetState = {version: NET_STATE_VERSION, namespaces, probes: {}, files: {}, problems};
  for (const p of probes) {
    const s = root.get(`probe.${p.id}`);
    if (!s) {
      problems.push(`probe ${p.id} produced no result`);
      continue;
    }
    state.probes[p.id] = probeResult(p, s.rc, s.body);
  }
  // Only there when ovsdb-server was running (collector.sh).
  const ovs = root.get('ovs');
  if (ovs) {
    const r = ovs.rc === 0 ? parseOvs(ovs.body) : undefined;
    if (r?.ok) state.ovs = r.value;
    else
      problems.push(
        r
          ? `root namespace: ${r.error}`
          : `root namespace: ovs-vsctl failed (exit ${ovs.rc}): ${ovs.body.slice(0, 200)}`,
      );
  }
  for (const [name, s] of root) {
    if (name.startsWith('file:')) state.files[name.slice(5)] = {exists: s.rc === 0, content: s.body};
    if (name.startsWith('bin:')) state.files[name.slice(4)] = {exists: s.rc === 0, content: s.body, encoding: 'base64'};
    if (name === 'procs') {
      const r = parseProcs(s.body);
      if (r.ok) state.processes = r.value;
      else problems.push(r.error);
    }
    if (name.startsWith('leases:')) {
      const file = name.slice(7);
      const r = s.rc === 0 ? parseDnsmasqLeases(s.body) : {ok: true as const, value: []};
      if (!r.ok) problems.push(`${file}: ${r.error}`);
      (state.leases ??= {})[file] = {exists: s.rc === 0, entries: r.ok ? r.value : []};
    }
  }
  return {ok: true, value: state};
}

/** Collector output straight to a NetState. */
export function netStateFromOutput(
  raw: string | Uint8Array,
  probes: readonly ProbeDecl[] = [],
): ParseOutcome<NetState> {
  const s = parseSections(raw);
  if (!s.ok) return s;
  return buildNetState(s.value, probes);
}
