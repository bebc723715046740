/**
 * The typed state model graders reason about. It is derived from recorded
 * collector sections, so a recording stays gradable when the model grows:
 * bump NET_STATE_VERSION when a field changes meaning.
 */
import {z} from 'zod';
import {IptablesDumpSchema} from './parse/iptables-model';
import {NftRulesetSchema} from './parse/nft-model';
import {OvsStateSchema} from './parse/ovs';
import {IpvsServiceSchema} from './parse/ipvs';
import {ConntrackEntrySchema} from './parse/conntrack';
import {BondSchema, BondSlaveSchema, IpvlanSchema, TunSchema} from './parse/devices';

export const NET_STATE_VERSION = 1;

export const AddressSchema = z.object({
  family: z.enum(['inet', 'inet6']),
  local: z.string(),
  prefixlen: z.number().int(),
  scope: z.string().optional(),
  broadcast: z.string().optional(),
  /** Seconds left of a finite lifetime (a DHCP lease, SLAAC); undefined for a permanent address. */
  validLft: z.number().int().optional(),
  /** The "dynamic" flag ip shows: set by SLAAC, or by a DHCP client that asks for it (dhclient does). */
  dynamic: z.boolean().optional(),
});
export type Address = z.infer<typeof AddressSchema>;

/** A VXLAN device's parameters (`ip -d link show type vxlan`). */
export const VxlanSchema = z.object({
  /** The VNI; undefined on an `external` device, which takes it per FDB entry or route. */
  vni: z.number().int().optional(),
  /** UDP destination port: 4789 is IANA's, 8472 the kernel's when `dstport` is not given. */
  port: z.number().int(),
  /** Default remote VTEP (unicast) or multicast group that unknown and broadcast frames go to. */
  remote: z.string().optional(),
  group: z.string().optional(),
  local: z.string().optional(),
  /** The underlay device (`dev`). */
  dev: z.string().optional(),
  /** Learns inner source MAC -> outer source IP into its FDB (off with `nolearning`). */
  learning: z.boolean(),
  external: z.boolean(),
});
export type Vxlan = z.infer<typeof VxlanSchema>;

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
  vxlan: VxlanSchema.optional(),
  /** Device details from `ip -d` (parse/devices.ts), each only on links of that kind. */
  bond: BondSchema.optional(),
  /** On a bond's slave: its state in the bond (ACTIVE/BACKUP) and what the link monitor saw. */
  bondSlave: BondSlaveSchema.optional(),
  /** macvlan/macvtap: private, vepa, bridge, passthru or source. */
  macvlanMode: z.string().optional(),
  ipvlan: IpvlanSchema.optional(),
  tun: TunSchema.optional(),
  /** vrf: the routing table of the VRF; on a VRF's member, the table of its master. */
  vrfTable: z.number().int().optional(),
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
  /** VXLAN devices: the remote VTEP of this MAC (all zeros = flood to it), and a per-entry port or VNI. */
  dst: z.string().optional(),
  port: z.number().int().optional(),
  vni: z.number().int().optional(),
});
export type FdbEntry = z.infer<typeof FdbEntrySchema>;

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
  /** IPVS virtual servers (root and deep namespaces; only once ip_vs is loaded and has a service). */
  ipvs: z.array(IpvsServiceSchema).optional(),
  /** Connection tracking entries (root and deep namespaces; only when the exercise sets `conntrack`). */
  conntrack: z.array(ConntrackEntrySchema).optional(),
});
export type NsState = z.infer<typeof NsStateSchema>;

/** One host-local allocation: a file named by the address, holding the container ID and interface. */
export const CniAllocSchema = z.object({ip: z.string(), containerId: z.string(), ifname: z.string()});
export type CniAlloc = z.infer<typeof CniAllocSchema>;
const CniCallSchema = z.object({exitCode: z.number().int().nullable(), output: z.string()});
/** A `cni` probe: the config it used, an ADD and a DEL for a throwaway sandbox, and the IPAM state around them. */
export const CniProbeSchema = z.object({
  configPath: z.string(),
  config: z.string(),
  /** host-local's directory of this network (null: no host-local IPAM in the config). */
  dataDir: z.string().nullable(),
  before: z.array(CniAllocSchema),
  add: CniCallSchema,
  afterAdd: z.array(CniAllocSchema),
  del: CniCallSchema,
  afterDel: z.array(CniAllocSchema),
});
export type CniProbe = z.infer<typeof CniProbeSchema>;

/** One connection of an `http` probe. */
export const HttpResponseSchema = z.object({
  exitCode: z.number().int(),
  /** The status code; null when no HTTP response came (refused, timed out, not HTTP). */
  status: z.number().int().nullable(),
  body: z.string(),
  /** What came instead of a response (socat's error), when there was none. */
  error: z.string().optional(),
});
export type HttpResponse = z.infer<typeof HttpResponseSchema>;

export const ProbeResultSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  exitCode: z.number().int(),
  /** ping: round trip ms; source: the address the listener saw; dns and resolve: answers. */
  seenSource: z.string().optional(),
  answers: z.array(z.string()).optional(),
  /** resolve: the name the answer is for, e.g. the search domain's full name for a short name. */
  canonicalName: z.string().optional(),
  /** ping with `capture`: the pcap (base64) tcpdump saved on the device during the ping, or why there is none. */
  capture: z.string().optional(),
  captureError: z.string().optional(),
  /** cni: what the runtime-like ADD and DEL did (null: no configuration found). */
  cni: CniProbeSchema.nullable().optional(),
  /** http: one entry per connection, in order. */
  responses: z.array(HttpResponseSchema).optional(),
  output: z.string(),
});
export type ProbeResult = z.infer<typeof ProbeResultSchema>;

export const ProcessSchema = z.object({
  pid: z.number().int(),
  comm: z.string(),
  /** null: the root namespace; undefined: a namespace with no name in /run/netns. */
  ns: z.string().nullable().optional(),
  args: z.array(z.string()),
  /** dnsmasq only: the lease file it writes (from -l/--dhcp-leasefile, its conf file, or the default). */
  leaseFile: z.string().optional(),
});
export type Process = z.infer<typeof ProcessSchema>;

export const DhcpLeaseSchema = z.object({
  /** Seconds since the epoch; 0 for an infinite lease. */
  expiry: z.number().int(),
  mac: z.string(),
  ip: z.string(),
  hostname: z.string().optional(),
  clientId: z.string().optional(),
});
export type DhcpLease = z.infer<typeof DhcpLeaseSchema>;

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
  /** Present when the exercise lists `processes`: the matching processes, where they run, with what arguments. */
  processes: z.array(ProcessSchema).optional(),
  /** dnsmasq lease files named by the listed dnsmasq processes: whether each exists, and its IPv4 leases. */
  leases: z.record(z.string(), z.object({exists: z.boolean(), entries: z.array(DhcpLeaseSchema)})).optional(),
  /** Open vSwitch bridges, ports and interfaces; only when ovsdb-server was running. */
  ovs: OvsStateSchema.optional(),
  /** Sections that were collected but could not be read; graders may still pass without them. */
  problems: z.array(z.string()),
});
export type NetState = z.infer<typeof NetStateSchema>;
