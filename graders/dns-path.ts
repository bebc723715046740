/**
 * A DNS server that clients reach through a node's translation: the cluster
 * DNS Pod behind its Service address (10.96.0.10), or behind a port of the
 * node's own address for clients outside the cluster. When a query got no
 * reply, `dnsPathProblem` reads the node's rules (services.ts: iptables,
 * nft or IPVS) and the Pod's sockets (dns.ts) and says which step is missing:
 * no translation at all, a translation into another virtual address that
 * nothing translates again, the wrong port, TCP only, or no server in the Pod.
 */
import {listenerProblem} from './dns';
import type {Query} from './query';
import {serviceTranslations, targetText, type Target, type Translation} from './services';

export interface DnsPath {
  /** The node whose rules see the query (the client's node, or the node whose address it asked). */
  node: string;
  /** The client, for messages. */
  client: string;
  src: string;
  /** The address the client asked (a Service VIP or the node's own address). */
  dst: string;
  /** The node's interface the query arrives on. */
  iif: string;
  /** The DNS Pod: its namespace and address. */
  server: {ns: string; ip: string};
  /** The DNS Service's ClusterIP. */
  vip: string;
}

const DNS_PORT = 53;

/** The node's translations for a query to dst:53, with only the targets that can be about DNS. */
export function dnsTranslations(q: Query, p: DnsPath): {ts: Translation[]; targets: Target[]} {
  const all = serviceTranslations(q.ns(p.node), {src: p.src, dst: p.dst, iif: p.iif, oif: p.iif}, DNS_PORT).filter(
    (t) => t.hook !== 'output',
  );
  // -p and --dport are not evaluated (taken to apply), so a NodePort's rules show up here too: keep what aims at DNS.
  const dnsy = (x: Target) => x.ip === p.server.ip || x.ip === p.vip || x.port === DNS_PORT;
  const ts = all.filter((t) => t.targets.some(dnsy));
  return {ts, targets: ts.flatMap((t) => t.targets.filter(dnsy))};
}

/** A rule that names TCP and never UDP (iptables text or nft JSON). */
function tcpOnly(t: Translation): boolean {
  const lines = t.text.filter((l) => /\b53\b/.test(l));
  return lines.length > 0 && lines.every((l) => /\btcp\b/.test(l) && !/\budp\b/.test(l));
}

/**
 * Why a query from p.client to p.dst:53 got no reply. Called once the probe
 * failed; always returns a sentence.
 */
export function dnsPathProblem(q: Query, p: DnsPath): string {
  const {ts, targets} = dnsTranslations(q, p);
  const where = `${p.dst}:${DNS_PORT}`;
  if (ts.length === 0) {
    const local = (q.ns(p.node)?.sockets ?? []).some((s) => s.proto === 'udp' && s.port === DNS_PORT);
    if (local) {
      return `A DNS server runs in ${p.node} itself and listens on port ${DNS_PORT}, but did not answer ${p.client}'s query to ${where}.`;
    }
    // The node's own address ends in a closed port; a ClusterIP is no one's address, so it ends in the routing table.
    const fate = q.findAddress(p.dst, p.node)
      ? `nothing in ${p.node} listens there, so ${p.node} answers the query with ICMP port unreachable`
      : `${p.dst} is no interface's address: untranslated, the query is routed like any packet to ${p.dst}, and ` +
        `${p.node} has no route that leads to a DNS server there`;
    return (
      `${p.node} has no rule that sends UDP ${where} anywhere, and ${fate}. Translate it to the DNS Pod ` +
      `(${p.server.ip}:${DNS_PORT}), as kube-proxy does for a Service's ClusterIP or NodePort.`
    );
  }
  // A translation's text lists every rule its walk met; keep those about DNS.
  const about = (l: string) => l.includes(p.server.ip) || l.includes(p.vip) || /\b53\b/.test(l);
  const rules = ts.flatMap((t) => t.text.filter(about)).join(' | ');
  if (ts.every(tcpOnly)) {
    return (
      `${p.node} translates ${where} for TCP only (${rules}). Resolvers ask over UDP first, and a Service that ` +
      `serves DNS has two ports, 53/UDP and 53/TCP: add the UDP rule.`
    );
  }
  if (!targets.some((t) => t.ip === p.server.ip) && targets.some((t) => t.ip === p.vip)) {
    return (
      `${p.node} sends the query to ${p.vip} (${rules}), the DNS Service's ClusterIP. A packet passes nat ` +
      `PREROUTING once: after this DNAT nothing translates ${p.vip} to the Pod, and ${p.node} has no route for a ` +
      `ClusterIP. Translate straight to the Pod ${p.server.ip}:${DNS_PORT}, or jump to the chain that does the ` +
      `Service's DNAT (kube-proxy's KUBE-NODEPORTS → KUBE-SVC-… does that).`
    );
  }
  const wrong = targets.filter((t) => t.ip === p.server.ip && t.port !== undefined && t.port !== DNS_PORT);
  if (wrong.length > 0) {
    return (
      `${p.node} sends the query to ${wrong.map((t) => targetText(t, DNS_PORT)).join(', ')} (${rules}), but the ` +
      `server in ${p.server.ns} listens on port ${DNS_PORT}.`
    );
  }
  const down = listenerProblem(q, p.server.ns, p.server.ip);
  if (down)
    return `${p.node} sends the query to ${targets.map((t) => targetText(t, DNS_PORT)).join(', ')}, but: ${down}`;
  return (
    `${p.node} sends the query to ${targets.map((t) => targetText(t, DNS_PORT)).join(', ')} and a server listens ` +
    `there, yet no reply came back to ${p.client}. Look for a filter rule that drops it on the way ` +
    `(\`ip netns exec ${p.node} iptables -S FORWARD\`, \`nft list ruleset\`), or a reply that leaves by another ` +
    `path than the query came in.`
  );
}
