/**
 * What every protocol decoder shares: it reads its header from `start`, and
 * says which protocol carries on in which bytes. The decoders never call one
 * another; `frame.ts` chains them, so each stays small and on its own.
 */
import type {Field, Layer} from '../types';

export type Protocol =
  | 'ethernet'
  | 'vlan'
  | 'sll'
  | 'sll2'
  | 'arp'
  | 'ipv4'
  | 'ipv6'
  | 'icmp'
  | 'icmpv6'
  | 'tcp'
  | 'udp'
  | 'vxlan'
  | 'dns'
  | 'dhcp'
  | 'data';

export interface Next {
  protocol: Protocol;
  start: number;
  end: number;
}

/** What the decoders of one capture remember across frames. */
export interface CaptureState {
  /** First sequence number seen per TCP direction ("10.0.0.1:43210>10.0.0.2:80"), for relative numbers. */
  tcpFirstSeq: Map<string, number>;
}

export interface Context {
  bytes: Uint8Array;
  state: CaptureState;
  /** The innermost IP header so far: transport summaries read "10.0.0.1 → 10.0.0.2 TCP …". */
  ip?: {src: string; dst: string};
  /** The EtherType that announced the current header: a VLAN tag's TPID tells 802.1Q from 802.1ad. */
  etherType?: number;
  /** Set by IP for a fragmented packet: a first fragment's transport header announces more bytes than are here. */
  fragment?: 'first' | 'later';
}

export interface Decoded {
  layer: Layer;
  next?: Next;
}

export type Decoder = (ctx: Context, start: number, end: number) => Decoded;

export const ETHER_TYPES: Record<number, string> = {
  0x0800: 'IPv4',
  0x0806: 'ARP',
  0x86dd: 'IPv6',
  0x8100: '802.1Q VLAN',
  0x88a8: '802.1ad S-VLAN',
  0x9100: 'QinQ VLAN',
  0x6558: 'Ethernet bridging',
  0x88cc: 'LLDP',
  0x8847: 'MPLS',
};

export function byEtherType(type: number): Protocol {
  switch (type) {
    case 0x0800:
      return 'ipv4';
    case 0x86dd:
      return 'ipv6';
    case 0x0806:
      return 'arp';
    case 0x8100:
    case 0x88a8:
    case 0x9100:
      return 'vlan';
    case 0x6558:
      return 'ethernet';
    default:
      return 'data';
  }
}

export const IP_PROTOCOLS: Record<number, string> = {
  0: 'IPv6 hop-by-hop options',
  1: 'ICMP',
  2: 'IGMP',
  4: 'IPv4',
  6: 'TCP',
  17: 'UDP',
  41: 'IPv6',
  43: 'IPv6 routing',
  44: 'IPv6 fragment',
  47: 'GRE',
  50: 'ESP',
  51: 'AH',
  58: 'ICMPv6',
  59: 'no next header',
  60: 'IPv6 destination options',
  132: 'SCTP',
};

export function byIpProtocol(protocol: number): Protocol {
  switch (protocol) {
    case 1:
      return 'icmp';
    case 4:
      return 'ipv4';
    case 6:
      return 'tcp';
    case 17:
      return 'udp';
    case 41:
      return 'ipv6';
    case 58:
      return 'icmpv6';
    default:
      return 'data';
  }
}

/**
 * A header that does not fit in the bytes there are: shown as bytes with the
 * reason, never half-decoded, so no field points past the end of the frame.
 */
export function cutShort(name: string, need: number, start: number, end: number): Decoded {
  const have = Math.max(0, end - start);
  return {
    layer: {
      name,
      summary: `${name}: cut short (${have} of ${need} bytes)`,
      start,
      end: Math.max(start, end),
      fields: have ? [{name: 'Bytes', value: `${have} bytes`, start, end}] : [],
      info: {kind: 'data', length: have},
      problems: [`the ${name} header needs ${need} bytes but only ${have} are here (captured short, or a bad length)`],
    },
  };
}

export function addressPrefix(ctx: Context): string {
  return ctx.ip ? `${ctx.ip.src} → ${ctx.ip.dst} ` : '';
}

/**
 * A layer whose fields are built the first time they are read. A capture's
 * frames are all kept, and graders and the packet list read only `info` and
 * `summary`: building every field of every frame up front made the garbage
 * collector the slowest part of reading a big capture. A class, so `fields`
 * is a getter on the prototype and every layer keeps one fast object shape.
 */
class LazyLayer implements Layer {
  name: string;
  summary: string;
  start: number;
  end: number;
  info: Layer['info'];
  problems?: string[];
  #build: (() => Field[]) | undefined;
  #fields: Field[] | undefined;

  constructor(base: Omit<Layer, 'fields'>, build: () => Field[]) {
    this.name = base.name;
    this.summary = base.summary;
    this.start = base.start;
    this.end = base.end;
    this.info = base.info;
    if (base.problems) this.problems = base.problems;
    this.#build = build;
  }

  get fields(): Field[] {
    if (!this.#fields) {
      this.#fields = this.#build ? this.#build() : [];
      this.#build = undefined;
    }
    return this.#fields;
  }

  set fields(fields: Field[]) {
    this.#fields = fields;
    this.#build = undefined;
  }

  append(f: Field): void {
    const build = this.#build;
    if (build) this.#build = () => [...build(), f];
    else this.fields.push(f);
  }

  /** JSON (and anything that copies own properties) gets the fields too. */
  toJSON(): Layer {
    return {...this, fields: this.fields};
  }
}

export function lazyLayer(base: Omit<Layer, 'fields'>, build: () => Field[]): Layer {
  return new LazyLayer(base, build);
}

/** One more field at the end of a layer (Ethernet padding, known only once the inner header is read). */
export function addField(layer: Layer, f: Field): void {
  if (layer instanceof LazyLayer) layer.append(f);
  else layer.fields.push(f);
}
