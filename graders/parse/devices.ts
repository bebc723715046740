/**
 * Details of virtual devices from `ip -j -d link` (iproute2 6.1): the
 * linkinfo.info_data of bonds, macvlan, ipvlan, tun/tap and VRF devices, and
 * the info_slave_data of bond slaves and VRF members. parseLinks hands each
 * link's raw linkinfo here; a shape this file does not know yields no field
 * instead of an error, so a newer iproute2 never breaks grading.
 */
import {z} from 'zod';

export const BondSchema = z.object({
  /** "balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad", "balance-tlb", "balance-alb". */
  mode: z.string(),
  /** The slave carrying traffic now (active-backup, tlb, alb); absent while there is none. */
  activeSlave: z.string().optional(),
  primary: z.string().optional(),
  /** MII link monitoring interval in ms; 0 = the bond never looks at its slaves' carrier. */
  miimon: z.number().int(),
  /** ARP monitoring interval in ms and its targets, the other way to watch the links. */
  arpInterval: z.number().int(),
  arpIpTargets: z.array(z.string()),
  updelay: z.number().int().optional(),
  downdelay: z.number().int().optional(),
});
export type Bond = z.infer<typeof BondSchema>;

export const BondSlaveSchema = z.object({
  /** "ACTIVE" or "BACKUP". */
  state: z.string(),
  /** "UP", "DOWN", "GOING_DOWN", "GOING_BACK" as the bond's monitor last saw the link. */
  miiStatus: z.string(),
  linkFailureCount: z.number().int().optional(),
  permHwaddr: z.string().optional(),
});
export type BondSlave = z.infer<typeof BondSlaveSchema>;

export const IpvlanSchema = z.object({
  /** "l2", "l3" or "l3s"; the mode belongs to the parent's port, so every ipvlan on one parent shows the same. */
  mode: z.string(),
  /** "bridge" (the default), "private" or "vepa": whether ipvlans on one parent talk to each other directly. */
  flag: z.enum(['bridge', 'private', 'vepa']),
});
export type Ipvlan = z.infer<typeof IpvlanSchema>;

export const TunSchema = z.object({
  /** "tun" (IP packets, no link-layer header) or "tap" (Ethernet frames). */
  type: z.string(),
  /** Survives the program that created it closing its file descriptor (`ip tuntap add` makes persistent ones). */
  persist: z.boolean().optional(),
  multiQueue: z.boolean().optional(),
  vnetHdr: z.boolean().optional(),
  pi: z.boolean().optional(),
  /** The owner allowed to attach without CAP_NET_ADMIN: a name ("nobody"), or a uid when it has none. */
  user: z.string().optional(),
  group: z.string().optional(),
});
export type Tun = z.infer<typeof TunSchema>;

export interface DeviceFields {
  bond?: Bond;
  bondSlave?: BondSlave;
  macvlanMode?: string;
  ipvlan?: Ipvlan;
  tun?: Tun;
  vrfTable?: number;
}

const RawBond = z.object({
  mode: z.string(),
  active_slave: z.string().optional(),
  primary: z.string().optional(),
  miimon: z.number().default(0),
  arp_interval: z.number().default(0),
  arp_ip_target: z.array(z.string()).default([]),
  updelay: z.number().optional(),
  downdelay: z.number().optional(),
});

const RawBondSlave = z.object({
  state: z.string(),
  mii_status: z.string(),
  link_failure_count: z.number().optional(),
  perm_hwaddr: z.string().optional(),
});

const RawMacvlan = z.object({mode: z.string()});
const RawIpvlan = z.object({mode: z.string(), private: z.boolean().optional(), vepa: z.boolean().optional()});
const RawTun = z.object({
  type: z.string(),
  pi: z.boolean().optional(),
  vnet_hdr: z.boolean().optional(),
  multi_queue: z.boolean().optional(),
  persist: z.boolean().optional(),
  // ip prints the owner's name when it resolves and the number otherwise.
  user: z.union([z.string(), z.number()]).optional(),
  group: z.union([z.string(), z.number()]).optional(),
});
const RawVrf = z.object({table: z.number()});

export interface RawLinkinfo {
  info_kind?: string;
  info_slave_kind?: string;
  info_data?: unknown;
  info_slave_data?: unknown;
}

/** A zod parse that yields undefined on any mismatch (see the file comment). */
const read = <T>(schema: z.ZodType<T>, v: unknown): T | undefined => {
  const r = schema.safeParse(v);
  return r.success ? r.data : undefined;
};

function deviceData(kind: string | undefined, data: unknown): DeviceFields {
  switch (kind) {
    case 'bond': {
      const b = read(RawBond, data);
      if (!b) return {};
      return {
        bond: {
          mode: b.mode,
          activeSlave: b.active_slave,
          primary: b.primary,
          miimon: b.miimon,
          arpInterval: b.arp_interval,
          arpIpTargets: b.arp_ip_target,
          updelay: b.updelay,
          downdelay: b.downdelay,
        },
      };
    }
    case 'macvlan':
    case 'macvtap':
      return {macvlanMode: read(RawMacvlan, data)?.mode};
    case 'ipvlan':
    case 'ipvtap': {
      const i = read(RawIpvlan, data);
      if (!i) return {};
      return {ipvlan: {mode: i.mode, flag: i.private ? 'private' : i.vepa ? 'vepa' : 'bridge'}};
    }
    case 'tun': {
      const t = read(RawTun, data);
      if (!t) return {};
      const tun: Tun = {type: t.type, persist: t.persist, multiQueue: t.multi_queue, vnetHdr: t.vnet_hdr, pi: t.pi};
      if (t.user !== undefined) tun.user = String(t.user);
      if (t.group !== undefined) tun.group = String(t.group);
      return {tun};
    }
    case 'vrf':
      return {vrfTable: read(RawVrf, data)?.table};
    default:
      return {};
  }
}

function slaveData(slaveKind: string | undefined, data: unknown): DeviceFields {
  if (slaveKind === 'bond') {
    const s = read(RawBondSlave, data);
    if (!s) return {};
    return {
      bondSlave: {
        state: s.state,
        miiStatus: s.mii_status,
        linkFailureCount: s.link_failure_count,
        permHwaddr: s.perm_hwaddr,
      },
    };
  }
  if (slaveKind === 'vrf') return {vrfTable: read(RawVrf, data)?.table};
  return {};
}

/** The device fields of one link; only the keys that apply are present. */
export function deviceFields(info: RawLinkinfo | undefined): DeviceFields {
  if (!info) return {};
  const out: DeviceFields = {
    ...slaveData(info.info_slave_kind, info.info_slave_data),
    ...deviceData(info.info_kind, info.info_data),
  };
  // Drop undefined values so links of other kinds keep exactly the keys they had.
  for (const k of Object.keys(out) as (keyof DeviceFields)[]) if (out[k] === undefined) delete out[k];
  return out;
}
