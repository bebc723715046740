/**
 * The typed state model graders reason about. It is derived from recorded
 * collector sections, so a recording stays gradable when the model grows:
 * bump NET_STATE_VERSION when a field changes meaning.
 */
import {z} from 'zod';
import {IptablesDumpSchema} from './parse/iptables-model';
import {NftRulesetSchema} from './parse/nft-model';
import {OvsStateSchema} from './parse/ovs';

export const NET_STATE_VERSION = 1;

export const AddressSchema = z.object({
  family: z.enum(['inet', 'inet6']),
  local: z.string(),
  prefixlen: z.number().int(),
  scope: z.string().optional(),
  broadcast: z.string().optional(),
});
export type Address = z.infer<typeof AddressSchema>;

export const LinkSchema = z.object({
  ifindex: z.number().int(),
  name: z.string(),
  /** linkinfo.info_kind: "bridge", "veth", "vlan", "dummy"...; undefined for plain devices. */
  kind: z.string().optional(),
  /** linkinfo.info_slave_kind, e.g. "bridge" for a bridge port. */
  portKind: z.string().optional(),
  flags: z.array(z.string()),
  /** Administratively up (the UP flag), which is what `ip link set X up` changes. */
  up: z.boolean(),
  operstate: z.string(),
  mtu: z.number().int().optional(),
  mac: z.string().optional(),
  master: z.string().optional(),
  /** For veth/vlan: ifindex of the other end or parent, in the namespace given by linkNetnsid. */
  linkIndex: z.number().int().optional(),
  linkNetnsid: z.number().int().optional(),
  /** The "link" name ip shows when the peer is in the same namespace. */
  linkName: z.string().optional(),
  vlanFiltering: z.boolean().optional(),
  defaultPvid: z.number().int().optional(),
  vlanId: z.number().int().optional(),
  addresses: z.array(AddressSchema),
});
export type Link = z.infer<typeof LinkSchema>;

export const RouteSchema = z.object({
  type: z.string(),
  dst: z.string(),
  gateway: z.string().optional(),
  dev: z.string().optional(),
  table: z.string(),
  protocol: z.string().optional(),
  scope: z.string().optional(),
  prefsrc: z.string().optional(),
  metric: z.number().optional(),
  family: z.enum(['inet', 'inet6']),
  flags: z.array(z.string()),
});
export type Route = z.infer<typeof RouteSchema>;

export const RuleSchema = z.object({
  priority: z.number().int(),
  src: z.string().optional(),
  dst: z.string().optional(),
  table: z.string().optional(),
  iif: z.string().optional(),
  oif: z.string().optional(),
  fwmark: z.string().optional(),
  action: z.string().optional(),
  not: z.boolean().optional(),
});
export type Rule = z.infer<typeof RuleSchema>;

export const NeighbourSchema = z.object({
  dst: z.string(),
  dev: z.string(),
  lladdr: z.string().optional(),
  state: z.array(z.string()),
});
export type Neighbour = z.infer<typeof NeighbourSchema>;

export const NsidSchema = z.object({nsid: z.number().int(), name: z.string().optional()});

export const BridgePortSchema = z.object({
  ifname: z.string(),
  master: z.string().optional(),
  state: z.string().optional(),
});

export const BridgeVlanSchema = z.object({
  ifname: z.string(),
  vlans: z.array(
    z.object({vlan: z.number().int(), vlanEnd: z.number().int().optional(), pvid: z.boolean(), untagged: z.boolean()}),
  ),
});
export type BridgeVlanPort = z.infer<typeof BridgeVlanSchema>;

export const FdbEntrySchema = z.object({
  mac: z.string(),
  ifname: z.string().optional(),
  master: z.string().optional(),
  vlan: z.number().int().optional(),
  flags: z.array(z.string()),
  state: z.string().optional(),
});

export const SocketSchema = z.object({
  proto: z.enum(['tcp', 'udp']),
  local: z.string(),
  port: z.number().int(),
  process: z.string().optional(),
});
export type Socket = z.infer<typeof SocketSchema>;

export const NsStateSchema = z.object({
  /** null is the root namespace. */
  name: z.string().nullable(),
  links: z.array(LinkSchema),
  routes: z.array(RouteSchema),
  rules: z.array(RuleSchema),
  neighbours: z.array(NeighbourSchema),
  nsids: z.array(NsidSchema),
  bridgePorts: z.array(BridgePortSchema),
  bridgeVlans: z.array(BridgeVlanSchema),
  fdb: z.array(FdbEntrySchema),
  sysctls: z.record(z.string(), z.string()),
  /** Present only for namespaces the collector read netfilter state in. */
  iptables: z.object({nft: IptablesDumpSchema, legacy: IptablesDumpSchema}).optional(),
  nft: NftRulesetSchema.optional(),
  sockets: z.array(SocketSchema).optional(),
});
export type NsState = z.infer<typeof NsStateSchema>;

export const ProbeResultSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  exitCode: z.number().int(),
  /** ping: round trip ms; source: the address the listener saw; dns and resolve: answers. */
  seenSource: z.string().optional(),
  answers: z.array(z.string()).optional(),
  /** resolve: the name the answer is for, e.g. the search domain's full name for a short name. */
  canonicalName: z.string().optional(),
  output: z.string(),
});
export type ProbeResult = z.infer<typeof ProbeResultSchema>;

export const NetStateSchema = z.object({
  version: z.literal(NET_STATE_VERSION),
  namespaces: z.array(NsStateSchema),
  probes: z.record(z.string(), ProbeResultSchema),
  files: z.record(
    z.string(),
    z.object({
      exists: z.boolean(),
      content: z.string(),
      /** base64 for an exercise's binaryFiles (the collector sends at most 1 MiB + 1 byte of them). */
      encoding: z.enum(['text', 'base64']).optional(),
    }),
  ),
  /** Open vSwitch bridges, ports and interfaces; only when ovsdb-server was running. */
  ovs: OvsStateSchema.optional(),
  /** Sections that were collected but could not be read; graders may still pass without them. */
  problems: z.array(z.string()),
});
export type NetState = z.infer<typeof NetStateSchema>;
