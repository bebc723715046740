/**
 * What the DNS exercises read besides their live probes: a resolv.conf, an
 * /etc/hosts, and the DNS listeners of a namespace, turned into the cause a
 * learner can act on when a probe fails.
 */
import type {ProbeResult, Socket} from './model';
import type {Query} from './query';

export interface ResolvConf {
  nameservers: string[];
  /** The search list; `domain` sets a one-entry list, and the last of the two keywords wins. */
  search: string[];
  /** The glibc default is 1. */
  ndots: number;
}

/** resolv.conf(5): one keyword per line, "#" or ";" starts a comment; glibc uses the first three nameservers. */
export function parseResolvConf(text: string): ResolvConf {
  const out: ResolvConf = {nameservers: [], search: [], ndots: 1};
  for (const raw of text.split('\n')) {
    const [key, ...args] = raw
      .replace(/[#;].*$/, '')
      .trim()
      .split(/\s+/);
    if (key === 'nameserver' && args[0]) out.nameservers.push(args[0]);
    else if (key === 'search') out.search = args;
    else if (key === 'domain' && args[0]) out.search = [args[0]];
    else if (key === 'options') {
      for (const o of args) {
        const m = /^ndots:(\d+)$/.exec(o);
        // The resolver caps ndots at 15.
        if (m) out.ndots = Math.min(Number(m[1]), 15);
      }
    }
  }
  out.nameservers = out.nameservers.slice(0, 3);
  return out;
}

/** hosts(5): address then names; returns the addresses listed for `name` (case-insensitive). */
export function hostsLookup(text: string, name: string): string[] {
  const want = name.toLowerCase().replace(/\.$/, '');
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const [addr, ...names] = raw.replace(/#.*$/, '').trim().split(/\s+/);
    if (addr && names.some((n) => n.toLowerCase().replace(/\.$/, '') === want)) out.push(addr);
  }
  return out;
}

/** The text of a collected file, or undefined when it does not exist (or was not collected). */
export function fileText(q: Query, path: string): string | undefined {
  const f = q.state.files[path];
  return f?.exists ? f.content : undefined;
}

/**
 * The resolv.conf a program in `ns` reads: `ip netns exec` bind-mounts
 * /etc/netns/<ns>/resolv.conf over /etc/resolv.conf when it exists, and
 * otherwise leaves the root's. Both paths must be in the exercise's files.
 */
export function effectiveResolvConf(q: Query, ns: string): {path: string; text: string} | undefined {
  for (const path of [`/etc/netns/${ns}/resolv.conf`, '/etc/resolv.conf']) {
    const text = fileText(q, path);
    if (text !== undefined) return {path, text};
  }
  return undefined;
}

const WILDCARD = new Set(['0.0.0.0', '*', '::']);

const who = (s: Socket) => s.process ?? 'a process';
const sockText = (s: Socket) =>
  `${s.proto.toUpperCase()} ${s.local.includes(':') ? `[${s.local}]` : s.local}:${s.port}`;

/**
 * Why queries to addr:port in `ns` would find no server, from the namespace's
 * listening sockets (the exercise must list `ns` in deepNamespaces).
 * undefined: a UDP socket there accepts them, or the sockets were not collected.
 */
export function listenerProblem(q: Query, ns: string, addr: string, port = 53): string | undefined {
  const sockets = q.ns(ns)?.sockets;
  if (sockets === undefined) return undefined;
  const here = sockets.filter((s) => s.port === port);
  const udp = here.filter((s) => s.proto === 'udp');
  if (udp.some((s) => s.local === addr || WILDCARD.has(s.local))) return undefined;
  if (here.length === 0) {
    const root = (q.ns(undefined)?.sockets ?? []).filter((s) => s.port === port);
    const elsewhere = root.length
      ? ` ${who(root[0])} listens on port ${port} in the root namespace instead (${root.map(sockText).join(', ')}): ` +
        `a process started without \`ip netns exec ${ns}\` gets the root's network.`
      : '';
    return `Nothing listens on port ${port} in ${ns}.${elsewhere}`;
  }
  if (udp.length === 0) {
    return (
      `${who(here[0])} in ${ns} listens on ${here.map(sockText).join(', ')} but on no UDP socket for port ${port}; ` +
      `resolvers send their queries over UDP first.`
    );
  }
  return (
    `${who(udp[0])} in ${ns} listens on ${here.map(sockText).join(', ')} only; the queries arrive on ${addr}, ` +
    `so the kernel finds no socket for them and answers with ICMP port unreachable.`
  );
}

/** timeout(1)'s exit status: the probe's query was still running at its deadline. */
export const TIMED_OUT = 124;

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The IPv4 addresses of a dns or resolve probe's answer (dig and drill also print a CNAME's target). */
export const answerAddrs = (p: ProbeResult): string[] => (p.answers ?? []).filter((a) => IPV4.test(a));

/** A probe's result; a missing one means the collection broke, not that the learner is wrong. */
export function probeResultOf(q: Query, id: string): ProbeResult {
  const p = q.probe(id);
  if (!p) throw new Error(`the live test "${id}" produced no result`);
  return p;
}

/** The hosts file a program in `ns` reads (its own under /etc/netns, else the root's) and its addresses for `name`. */
export function hostsEntry(q: Query, ns: string, name: string): {path: string; addrs: string[]} | undefined {
  const own = fileText(q, `/etc/netns/${ns}/hosts`);
  const path = own === undefined ? '/etc/hosts' : `/etc/netns/${ns}/hosts`;
  const addrs = hostsLookup(own ?? fileText(q, '/etc/hosts') ?? '', name);
  return addrs.length ? {path, addrs} : undefined;
}

/** One name, asked of the server directly (a dns probe) and through a namespace's resolver (a resolve probe). */
export interface AskedName {
  name: string;
  /** The dns probe: `dig @server name` from the namespace. */
  asked: string;
  /** The resolve probe: getent in the namespace. */
  resolved: string;
}

/**
 * What `server` answers for a name. The direct query decides; when it ran
 * out of time (a first start of drill on a busy emulated CPU can), the
 * namespace's own lookup stands in, if that namespace asks `server` alone
 * and no hosts file lists the name. `replied` false: no answer either way.
 */
export function serverAnswer(
  q: Query,
  ns: string,
  server: string,
  r: AskedName,
): {addrs: string[]; replied: boolean; exitCode: number} {
  const p = probeResultOf(q, r.asked);
  if (p.exitCode !== TIMED_OUT) return {addrs: answerAddrs(p), replied: p.exitCode === 0, exitCode: p.exitCode};
  const conf = effectiveResolvConf(q, ns);
  const servers = conf ? parseResolvConf(conf.text).nameservers : [];
  const c = probeResultOf(q, r.resolved);
  const alone = servers.length === 1 && servers[0] === server && !hostsEntry(q, ns, r.name);
  // What getent printed counts even when its own deadline then stopped it (a busy CPU can make it late to exit).
  if (alone && answerAddrs(c).length > 0 && c.canonicalName === r.name) {
    return {addrs: answerAddrs(c), replied: true, exitCode: 0};
  }
  return {addrs: [], replied: false, exitCode: p.exitCode};
}

/**
 * Why no DNS server in `serverNs` answers queries to `server` from `ns`, or
 * undefined when one does: any answer (even an empty one) to the direct
 * queries for `names`, else the listening sockets, else "no reply".
 */
export function serverProblem(
  q: Query,
  ns: string,
  serverNs: string,
  server: string,
  names: readonly AskedName[],
): string | undefined {
  const answers = names.map((r) => serverAnswer(q, ns, server, r));
  if (answers.some((a) => a.addrs.length > 0)) return undefined;
  const problem = listenerProblem(q, serverNs, server);
  if (problem) return problem;
  // drill and dig exit 0 when the server replied, even with no record (REFUSED, NXDOMAIN).
  if (answers.some((a) => a.replied)) return undefined;
  return (
    `A query from ${ns} to ${server}:53 got no reply, although a UDP socket in ${serverNs} accepts it. Either the server ` +
    'ignores queries to that address (dnsmasq with --listen-address or --interface but without --bind-interfaces ' +
    `listens on 0.0.0.0 and drops the rest), or a firewall in ${serverNs} drops them ` +
    `(\`ip netns exec ${serverNs} nft list ruleset\`).`
  );
}
