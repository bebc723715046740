/**
 * Parsers for the JSON that iproute2 6.1 prints with `ip -j -d` and `bridge -j`.
 * Every parser validates with zod and keeps only what graders use, so a field
 * added by a newer iproute2 is ignored instead of breaking grading.
 */
import {z} from 'zod';
import type {ParseOutcome} from '../sections';
import {deviceFields} from './devices';
import type {Address, BridgeVlanPort, Link, Neighbour, Route, Rule, Socket} from '../model';
import {RawVxlanData, vxlanOf} from './vxlan';

function parseJsonArray<T>(text: string, item: z.ZodType<T>, what: string): ParseOutcome<T[]> {
  // ip prints nothing (not "[]") for some empty dumps, e.g. an empty neighbour table.
  if (text.trim() === '') return {ok: true, value: []};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {ok: false, error: `${what}: output is not JSON (${(e as Error).message})`};
  }
  const r = z.array(item).safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    return {ok: false, error: `${what}: unexpected shape at ${issue?.path.join('.')}: ${issue?.message}`};
  }
  return {ok: true, value: r.data};
}

const flag01 = z.union([z.number(), z.boolean()]).transform((v) => v === true || v === 1);

const RawLink = z.object({
  ifindex: z.number(),
  ifname: z.string(),
  flags: z.array(z.string()).default([]),
  mtu: z.number().optional(),
  operstate: z.string().default('UNKNOWN'),
  address: z.string().optional(),
  master: z.string().optional(),
  link: z.string().nullable().optional(),
  link_index: z.number().optional(),
  link_netnsid: z.number().optional(),
  linkinfo: z
    .object({
      info_kind: z.string().optional(),
      info_slave_kind: z.string().optional(),
      info_data: z
        .object({
          vlan_filtering: flag01.optional(),
          vlan_default_pvid: z.number().optional(),
          id: z.number().optional(),
        })
        .merge(RawVxlanData)
        .passthrough()
        .optional(),
      info_slave_data: z.unknown().optional(),
    })
    .optional(),
});

export function parseLinks(text: string): ParseOutcome<Link[]> {
  const r = parseJsonArray(text, RawLink, 'ip -j -d link');
  if (!r.ok) return r;
  return {
    ok: true,
    value: r.value.map((l) => {
      const data = l.linkinfo?.info_data;
      const kind = l.linkinfo?.info_kind;
      return {
        ifindex: l.ifindex,
        name: l.ifname,
        kind,
        portKind: l.linkinfo?.info_slave_kind,
        flags: l.flags,
        up: l.flags.includes('UP'),
        operstate: l.operstate,
        mtu: l.mtu,
        mac: l.address,
        master: l.master,
        linkIndex: l.link_index,
        linkNetnsid: l.link_netnsid,
        linkName: l.link ?? undefined,
        vlanFiltering: kind === 'bridge' ? (data?.vlan_filtering ?? false) : undefined,
        defaultPvid: kind === 'bridge' ? data?.vlan_default_pvid : undefined,
        vlanId: kind === 'vlan' ? data?.id : undefined,
        vxlan: vxlanOf(kind, data),
        ...deviceFields(l.linkinfo),
        addresses: [],
      };
    }),
  };
}

const RawAddrLink = z.object({
  ifindex: z.number(),
  ifname: z.string().optional(),
  addr_info: z
    .array(
      z.object({
        family: z.string().optional(),
        local: z.string().optional(),
        prefixlen: z.number().optional(),
        scope: z.string().optional(),
        broadcast: z.string().optional(),
        dynamic: z.boolean().optional(),
        valid_life_time: z.number().optional(),
      }),
    )
    .default([]),
});

/** ip prints 4294967295 (INFINITY_LIFE_TIME) for "forever". */
const FOREVER = 0xffffffff;

/** Addresses keyed by ifindex. */
export function parseAddresses(text: string): ParseOutcome<Map<number, Address[]>> {
  const r = parseJsonArray(text, RawAddrLink, 'ip -j addr');
  if (!r.ok) return r;
  const out = new Map<number, Address[]>();
  for (const l of r.value) {
    const list: Address[] = [];
    for (const a of l.addr_info) {
      if ((a.family !== 'inet' && a.family !== 'inet6') || a.local === undefined || a.prefixlen === undefined) continue;
      const lft = a.valid_life_time;
      list.push({
        family: a.family,
        local: a.local,
        prefixlen: a.prefixlen,
        scope: a.scope,
        broadcast: a.broadcast,
        // A DHCP client adds its lease with a lifetime; `ip addr add` without one makes it permanent.
        validLft: lft === undefined || lft >= FOREVER ? undefined : lft,
        dynamic: a.dynamic === true ? true : undefined,
      });
    }
    out.set(l.ifindex, list);
  }
  return {ok: true, value: out};
}

const RawRoute = z.object({
  type: z.string().optional(),
  dst: z.string(),
  gateway: z.string().optional(),
  via: z.object({host: z.string()}).optional(),
  dev: z.string().optional(),
  table: z.string().optional(),
  protocol: z.string().optional(),
  scope: z.string().optional(),
  prefsrc: z.string().optional(),
  metric: z.number().optional(),
  flags: z.array(z.string()).default([]),
});

export function parseRoutes(text: string): ParseOutcome<Route[]> {
  const r = parseJsonArray(text, RawRoute, 'ip -j route show table all');
  if (!r.ok) return r;
  return {
    ok: true,
    value: r.value.map((x) => {
      const gateway = x.gateway ?? x.via?.host;
      const hint = [x.dst, gateway, x.prefsrc].find((v) => v !== undefined && v !== 'default');
      return {
        type: x.type ?? 'unicast',
        dst: x.dst,
        gateway,
        dev: x.dev,
        table: x.table ?? 'main',
        protocol: x.protocol,
        scope: x.scope,
        prefsrc: x.prefsrc,
        metric: x.metric,
        family: hint?.includes(':') ? 'inet6' : 'inet',
        flags: x.flags,
      };
    }),
  };
}

const RawRule = z.object({
  priority: z.number(),
  src: z.string().optional(),
  srclen: z.number().optional(),
  dst: z.string().optional(),
  dstlen: z.number().optional(),
  table: z.string().optional(),
  iif: z.string().optional(),
  oif: z.string().optional(),
  fwmark: z.string().optional(),
  action: z.string().optional(),
  not: z.union([z.boolean(), z.null()]).optional(),
});

export function parseRules(text: string): ParseOutcome<Rule[]> {
  const r = parseJsonArray(text, RawRule, 'ip -j rule');
  if (!r.ok) return r;
  const withLen = (a?: string, len?: number) => (a !== undefined && len !== undefined ? `${a}/${len}` : a);
  return {
    ok: true,
    value: r.value.map((x) => ({
      priority: x.priority,
      src: withLen(x.src, x.srclen),
      dst: withLen(x.dst, x.dstlen),
      table: x.table,
      iif: x.iif,
      oif: x.oif,
      fwmark: x.fwmark,
      action: x.action,
      not: x.not !== undefined ? true : undefined,
    })),
  };
}

const RawNeigh = z.object({
  dst: z.string(),
  dev: z.string(),
  lladdr: z.string().optional(),
  state: z.array(z.string()).default([]),
});

export function parseNeighbours(text: string): ParseOutcome<Neighbour[]> {
  return parseJsonArray(text, RawNeigh, 'ip -j neigh');
}

export function parseNsids(text: string): ParseOutcome<{nsid: number; name?: string}[]> {
  return parseJsonArray(text, z.object({nsid: z.number(), name: z.string().optional()}), 'ip -j netns list-id');
}

const RawBridgeLink = z.object({ifname: z.string(), master: z.string().optional(), state: z.string().optional()});

export function parseBridgeLinks(text: string): ParseOutcome<z.infer<typeof RawBridgeLink>[]> {
  return parseJsonArray(text, RawBridgeLink, 'bridge -j link');
}

const RawVlanPort = z.object({
  ifname: z.string(),
  vlans: z
    .array(z.object({vlan: z.number(), vlanEnd: z.number().optional(), flags: z.array(z.string()).default([])}))
    .default([]),
});

export function parseBridgeVlans(text: string): ParseOutcome<BridgeVlanPort[]> {
  const r = parseJsonArray(text, RawVlanPort, 'bridge -j vlan');
  if (!r.ok) return r;
  return {
    ok: true,
    value: r.value.map((p) => ({
      ifname: p.ifname,
      vlans: p.vlans.map((v) => ({
        vlan: v.vlan,
        vlanEnd: v.vlanEnd,
        pvid: v.flags.includes('PVID'),
        untagged: v.flags.includes('Egress Untagged'),
      })),
    })),
  };
}

const RawFdb = z.object({
  mac: z.string(),
  ifname: z.string().optional(),
  master: z.string().optional(),
  vlan: z.number().optional(),
  flags: z.array(z.string()).default([]),
  state: z.string().optional(),
  /** VXLAN device entries: the remote VTEP, and port/VNI when they differ from the device's. */
  dst: z.string().optional(),
  port: z.number().optional(),
  vni: z.number().optional(),
});

export function parseFdb(text: string): ParseOutcome<z.infer<typeof RawFdb>[]> {
  return parseJsonArray(text, RawFdb, 'bridge -j fdb');
}

/** "key = value" lines written by the collector from /proc/sys. */
export function parseSysctls(text: string): ParseOutcome<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const m = /^(\S+) = (.*)$/.exec(line);
    if (!m) return {ok: false, error: `sysctl line ${i + 1} is not "key = value": ${JSON.stringify(line)}`};
    out[m[1]] = m[2];
  }
  return {ok: true, value: out};
}

/** `ss -H -ltunp`: Netid State Recv-Q Send-Q Local:Port Peer:Port [Process]. */
export function parseSockets(text: string): ParseOutcome<Socket[]> {
  const out: Socket[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const cols = line.trim().split(/\s+/);
    const proto = cols[0];
    const local = cols[4];
    const colon = local?.lastIndexOf(':') ?? -1;
    const port = colon >= 0 ? Number(local.slice(colon + 1)) : NaN;
    if ((proto !== 'tcp' && proto !== 'udp') || !Number.isInteger(port)) {
      return {ok: false, error: `ss line ${i + 1} is not a tcp/udp socket: ${JSON.stringify(line)}`};
    }
    const proc = /users:\(\("([^"]+)"/.exec(line)?.[1];
    out.push({proto, local: local.slice(0, colon).replace(/^\[|\]$/g, ''), port, process: proc});
  }
  return {ok: true, value: out};
}
