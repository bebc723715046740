/**
 * The cluster DNS Service seen from a client Pod: queries to the DNS
 * Service's ClusterIP must reach the DNS server Pod over UDP and over TCP
 * (kube-dns has two Service ports, `dns` on UDP and `dns-tcp` on TCP, both
 * 53). The live probes decide; the node's rules (iptables either backend,
 * nft, IPVS through services.ts) only explain a failure: which protocol is
 * not translated, to which wrong port or address, on which wrong hook.
 */
import type {Packet} from './netfilter';
import type {Query} from './query';
import {serviceTranslations, type Translation} from './services';

export type Proto = 'udp' | 'tcp';

export interface DnsService {
  /** The Service's ClusterIP (port 53). */
  vip: string;
  /** The node that routes the client's packets, where kube-proxy translates them. */
  node: string;
  /** The node's Pod bridge, where the client's packets arrive. */
  bridge: string;
  client: {pod: string; ip: string};
  server: {pod: string; ip: string};
}

const PORT = 53;

/** One translation target with the protocols its rule applies to (both when the rule names none). */
export interface ProtoTarget {
  ip: string;
  port: number;
  protos: Proto[];
  hook: Translation['hook'];
  text: string;
}

/** The protocols a rule's text names: `-p udp`, an nft l4proto or payload match, an IPVS service's protocol. */
function protosOf(tool: Translation['tool'], text: string): Proto[] {
  if (tool === 'ipvs') return [/^UDP/.test(text) ? 'udp' : 'tcp'];
  const found = (['udp', 'tcp'] as const).filter((p) =>
    tool === 'nftables' ? text.includes(`"${p}"`) : new RegExp(`-p ${p}\\b`).test(text),
  );
  return found.length ? found : ['udp', 'tcp'];
}

/**
 * Each endpoint a translation in `ns` sends the client's packets to, with its protocols. An
 * iptables walk pairs each DNAT line with its target; nft maps and IPVS share their text.
 */
export function protoTargets(ts: Translation[]): ProtoTarget[] {
  return ts.flatMap((t) =>
    t.targets.map((x, i) => {
      const text = t.text.length === t.targets.length ? t.text[i] : t.text.join(' | ');
      return {ip: x.ip, port: x.port ?? PORT, protos: protosOf(t.tool, text), hook: t.hook, text: `${t.tool}: ${text}`};
    }),
  );
}

/** The client's packet as the node sees it arrive on its Pod bridge, before any translation. */
const packetOf = (s: DnsService): Packet => ({src: s.client.ip, dst: s.vip, iif: s.bridge, oif: s.bridge});

/** Targets in the node that see a Pod's packets: PREROUTING and nft prerouting, IPVS on a local VIP. */
export function seenTargets(q: Query, s: DnsService): ProtoTarget[] {
  const local = q.findAddress(s.vip, s.node) !== undefined;
  return protoTargets(serviceTranslations(q.ns(s.node), packetOf(s), PORT)).filter(
    (t) => t.hook === 'prerouting' || (t.hook === 'ipvs' && local),
  );
}

const label = (p: Proto) => p.toUpperCase();
const rules = (ts: ProtoTarget[]) => [...new Set(ts.map((t) => t.text))].join(' | ');

/** Why nothing in `s.node` translates `proto` queries to the VIP, when no translation applies at all. */
function untranslated(q: Query, s: DnsService, proto: Proto): string {
  const all = protoTargets(serviceTranslations(q.ns(s.node), packetOf(s), PORT)).filter((t) =>
    t.protos.includes(proto),
  );
  if (all.some((t) => t.hook === 'ipvs')) {
    return (
      `${s.node} has an IPVS virtual server for ${s.vip}:${PORT}/${label(proto)}, but ${s.vip} is on no device of ${s.node}, ` +
      `so ${s.client.pod}'s packets are routed onward instead of being taken in, where IPVS sees them. kube-proxy puts ` +
      'every ClusterIP on the dummy device kube-ipvs0.'
    );
  }
  if (all.length) {
    return (
      `Your rules in ${s.node} are on the OUTPUT hook, which only sees what ${s.node} sends itself; ${s.client.pod}'s ` +
      `queries arrive on ${s.bridge} and are forwarded, so PREROUTING must translate them. Rules: ${rules(all)}`
    );
  }
  const elsewhere = [undefined, 'node2', s.client.pod, s.server.pod].filter(
    (ns) => ns !== s.node && serviceTranslations(q.ns(ns), packetOf(s), PORT).length > 0,
  );
  if (elsewhere.length) {
    return (
      `There are rules for ${s.vip} in ${elsewhere.map((n) => n ?? 'the root namespace').join(' and ')}, but none in ` +
      `${s.node}: ${s.client.pod}'s packets are routed by its own node, and that is where kube-proxy translates them.`
    );
  }
  return (
    `${s.node} translates nothing for ${s.vip}:${PORT}: no DNAT (iptables or nftables) and no IPVS virtual server ` +
    `applies to ${s.client.pod}'s ${label(proto)} packets, so ${s.node} has no route for them.`
  );
}

/** What the server Pod listens on for `proto` port `port`, for messages. */
function listening(q: Query, s: DnsService, proto: Proto, port: number): boolean | undefined {
  const sockets = q.ns(s.server.pod)?.sockets;
  if (sockets === undefined) return undefined;
  return sockets.some(
    (x) => x.proto === proto && x.port === port && ['0.0.0.0', '*', '::', s.server.ip].includes(x.local),
  );
}

/**
 * Why `proto` queries from the client to the VIP get no answer, read from the node's
 * translation and the server Pod's sockets.
 */
export function serviceProblem(q: Query, s: DnsService, proto: Proto): string {
  const seen = seenTargets(q, s);
  const mine = seen.filter((t) => t.protos.includes(proto));
  if (mine.length === 0) {
    const other = seen.filter((t) => !t.protos.includes(proto));
    if (other.length === 0) return untranslated(q, s, proto);
    if (proto === 'tcp') {
      return (
        `${s.node} translates only UDP for ${s.vip}:${PORT}, so a TCP connection to it goes nowhere. Resolvers ask over ` +
        'UDP first, and switch to TCP when an answer comes back truncated (the TC bit: too big for a datagram, as for ' +
        'a headless Service with many Pods). That is why kube-dns has two ports, dns (UDP) and dns-tcp (TCP), and ' +
        `kube-proxy writes rules for both. Rules: ${rules(other)}`
      );
    }
    return (
      `${s.node} translates only TCP for ${s.vip}:${PORT}. Resolvers send their queries over UDP first (TCP only for ` +
      `truncated answers), so every ordinary lookup goes untranslated. Rules: ${rules(other)}`
    );
  }
  const wrongIp = mine.filter((t) => t.ip !== s.server.ip);
  if (wrongIp.length === mine.length) {
    return (
      `${s.node} sends ${label(proto)} queries for ${s.vip} to ${wrongIp.map((t) => `${t.ip}:${t.port}`).join(', ')}, ` +
      `but the DNS server is the Pod ${s.server.pod} (${s.server.ip}). Rules: ${rules(mine)}`
    );
  }
  const wrongPort = mine.filter((t) => t.ip === s.server.ip && t.port !== PORT);
  if (wrongPort.length) {
    const ports = [...new Set(wrongPort.map((t) => t.port))];
    const there = ports.some((p) => listening(q, s, proto, p));
    return (
      `${s.node} sends ${label(proto)} queries for ${s.vip}:${PORT} to ${s.server.ip}:${ports.join(', ')}` +
      (there ? '' : `, where nothing listens in ${s.server.pod}`) +
      `; the server listens on port ${PORT}. The Service's port and its targetPort are both 53 for kube-dns. ` +
      `Rules: ${rules(wrongPort)}`
    );
  }
  if (listening(q, s, proto, PORT) === false) {
    return (
      `${s.node} translates ${label(proto)} queries to ${s.server.ip}:${PORT}, but nothing in ${s.server.pod} listens on ` +
      `${label(proto)} port ${PORT} (\`ip netns exec ${s.server.pod} ss -lntup\`).`
    );
  }
  return (
    `${s.node} translates ${label(proto)} queries for ${s.vip}:${PORT} to ${s.server.ip}:${PORT}, yet ${s.client.pod} got ` +
    `no answer. The server may ignore queries to its address (dnsmasq with --listen-address or --interface but without ` +
    `--bind-interfaces listens on 0.0.0.0 and drops the rest); else look for a firewall on the way (\`ip netns exec ${s.node} iptables -S\`, \`nft list ruleset\`) and ` +
    `watch the queries: \`ip netns exec ${s.node} tcpdump -ni ${s.bridge} port ${PORT}\`. Rules: ${rules(mine)}`
  );
}
