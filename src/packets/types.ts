/**
 * What the packet decoder gives back: a capture file's frames, each as the
 * nested layers it carries, with every field tied to the bytes it came from.
 * The packet view draws these (a field and its bytes light up together) and
 * graders read the typed `info` of each layer. Pure data: no DOM, no Node.
 */

/** One header field. `start`/`end` are byte offsets in the frame (end exclusive). */
export interface Field {
  name: string;
  /** As a learner reads it: "10.0.0.2", "0x0800 (IPv4)", "SYN, ACK". */
  value: string;
  start: number;
  end: number;
  /** For fields narrower than a byte: which bits, e.g. "0100 .... = Version: 4". */
  bits?: string;
  /** Sub-fields (the flags inside TCP's flag byte, an option inside TCP options). */
  children?: Field[];
}

export type TcpFlags = {
  fin: boolean;
  syn: boolean;
  rst: boolean;
  psh: boolean;
  ack: boolean;
  urg: boolean;
  ece: boolean;
  cwr: boolean;
};

/** Typed values of a layer, for graders and summaries. */
export type LayerInfo =
  | {kind: 'sll'; protocol: number; interfaceIndex?: number; packetType: number; source: string}
  | {kind: 'eth'; src: string; dst: string; etherType: number}
  | {kind: 'vlan'; vid: number; pcp: number; etherType: number}
  | {
      kind: 'arp';
      op: number;
      senderMac: string;
      senderIp: string;
      targetMac: string;
      targetIp: string;
    }
  | {
      kind: 'ipv4';
      src: string;
      dst: string;
      ttl: number;
      protocol: number;
      id: number;
      dontFragment: boolean;
      moreFragments: boolean;
      /** In bytes, as tcpdump prints it (the header counts 8-byte units, as tshark's ip.frag_offset does). */
      fragmentOffset: number;
      totalLength: number;
    }
  | {kind: 'ipv6'; src: string; dst: string; hopLimit: number; nextHeader: number; payloadLength: number}
  | {kind: 'icmp'; type: number; code: number; id?: number; seq?: number; mtu?: number}
  | {kind: 'icmpv6'; type: number; code: number; id?: number; seq?: number; mtu?: number}
  | {
      kind: 'tcp';
      srcPort: number;
      dstPort: number;
      seq: number;
      ack: number;
      flags: TcpFlags;
      window: number;
      headerLength: number;
      payloadLength: number;
      mss?: number;
    }
  | {kind: 'udp'; srcPort: number; dstPort: number; length: number}
  | {kind: 'vxlan'; vni: number}
  | {
      kind: 'dns';
      id: number;
      response: boolean;
      rcode: string;
      questions: {name: string; type: string}[];
      answers: {name: string; type: string; ttl: number; data: string}[];
    }
  | {
      kind: 'dhcp';
      /** 1 Boot Request (client to server), 2 Boot Reply. */
      op: number;
      xid: number;
      /** Option 53, as tshark spells it: "Discover", "Offer", "Request", "ACK", …; absent in plain BOOTP. */
      messageType?: string;
      broadcast: boolean;
      clientIp: string;
      /** yiaddr: the address the server gives. */
      yourIp: string;
      serverIp: string;
      relayIp: string;
      clientMac: string;
      /** In order, End included, Pad left out; `value` as the packet view shows it. */
      options: {code: number; name: string; value: string}[];
    }
  | {kind: 'data'; length: number};

export interface Layer {
  /** Heading in the packet view: "Ethernet II", "802.1Q VLAN", "Internet Protocol Version 4", … */
  name: string;
  /** One line, as tcpdump would say it: "10.0.0.2 → 10.0.0.1 TCP 43210 → 80 [SYN] seq=0". */
  summary: string;
  start: number;
  end: number;
  fields: Field[];
  info: LayerInfo;
  /** What is wrong with this layer (bad length, truncated header), in words. */
  problems?: string[];
}

export interface Frame {
  /** 1-based, as tcpdump -r and Wireshark number them. */
  number: number;
  /** Seconds since the epoch, with the capture's precision. */
  time: number;
  capturedLength: number;
  originalLength: number;
  bytes: Uint8Array;
  /** Outermost first; a VXLAN frame continues with the inner Ethernet frame's layers. */
  layers: Layer[];
  /** The innermost interesting layer's summary. */
  summary: string;
  /** pcapng: the interface's name when the file names it. */
  interfaceName?: string;
}

export interface Capture {
  format: 'pcap' | 'pcapng';
  /** Link types seen (1 Ethernet, 113 Linux cooked, 276 Linux cooked v2, 101 raw IP). */
  linkTypes: number[];
  frames: Frame[];
  /** File-level trouble that did not stop the reading: "the last record is cut short (file still being written?)". */
  problems: string[];
}
