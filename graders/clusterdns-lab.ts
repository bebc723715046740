/**
 * The cluster DNS lab's checks (exercises/kubernetes/cluster-dns): a DNS
 * server Pod, the DNS Service in front of it, and a client Pod's resolv.conf,
 * each graded by live queries from the client. On a busy emulated CPU a
 * direct query (drill) can run out of time although the server answers: then
 * the client's own lookups through the Service stand in, when the client
 * asks that Service first and the node translates it to the server Pod.
 */
import {type DnsService, seenTargets, serviceProblem} from './clusterdns';
import {
  answerAddrs,
  effectiveResolvConf,
  fileText,
  hostsEntry,
  listenerProblem,
  parseResolvConf,
  probeResultOf,
  serverProblem,
  TIMED_OUT,
} from './dns';
import {fail, pass, type CheckOutcome} from './exercise';
import type {Query} from './query';

export interface ClusterDnsLab {
  service: DnsService;
  /** The Service record the server must hold: its full name and ClusterIP. */
  record: {name: string; addr: string};
  /** The search list and ndots the kubelet writes for the client's namespace. */
  search: string[];
  ndots: number;
  /** The client's own resolv.conf. */
  conf: string;
  /** Pod addresses by name, to recognise a record that names a Pod. */
  pods: Record<string, string>;
  /** Probe ids: dns to the Pod and to the Service (UDP), tcp to the Service, resolve of each name. */
  probes: {direct: string; udp: string; tcp: string};
  lookups: {full: string; short: {id: string; name: string}; namespaced: {id: string; name: string}};
}

const PORT = 53;

/** A lookup's addresses, even when getent was stopped at its deadline after printing them. */
const lookupAddrs = (q: Query, id: string) => answerAddrs(probeResultOf(q, id));

/** Does the node send the client's UDP queries for the Service to the server Pod's port 53, and only there? */
function toServerPod(q: Query, lab: ClusterDnsLab): boolean {
  const s = lab.service;
  const udp = seenTargets(q, s).filter((t) => t.protos.includes('udp'));
  return udp.length > 0 && udp.every((t) => t.ip === s.server.ip && t.port === PORT);
}

/** The client asks the Service first, and no hosts file answers the lab's names before DNS. */
function asksService(q: Query, lab: ClusterDnsLab): boolean {
  const conf = effectiveResolvConf(q, lab.service.client.pod);
  const first = conf ? parseResolvConf(conf.text).nameservers[0] : undefined;
  const names = [lab.record.name, lab.lookups.short.name, lab.lookups.namespaced.name];
  return first === lab.service.vip && names.every((n) => !hostsEntry(q, lab.service.client.pod, n));
}

/** The client's own lookups got answers from the Service. */
function lookupsThroughService(q: Query, lab: ClusterDnsLab): boolean {
  const ids = [lab.lookups.full, lab.lookups.short.id, lab.lookups.namespaced.id];
  return asksService(q, lab) && ids.some((id) => lookupAddrs(q, id).length > 0);
}

/** The Service answered UDP queries: the direct query, else (when it timed out) the client's lookups. */
function serviceAnsweredUdp(q: Query, lab: ClusterDnsLab): boolean {
  const p = probeResultOf(q, lab.probes.udp);
  return p.exitCode === 0 || (p.exitCode === TIMED_OUT && lookupsThroughService(q, lab));
}

/** What the server answers for the record: asked directly, else through the Service when that leads to it. */
function serverAnswer(q: Query, lab: ClusterDnsLab): {addrs: string[]; replied: boolean; exitCode: number} {
  const p = probeResultOf(q, lab.probes.direct);
  if (p.exitCode !== TIMED_OUT) return {addrs: answerAddrs(p), replied: p.exitCode === 0, exitCode: p.exitCode};
  if (toServerPod(q, lab)) {
    const u = probeResultOf(q, lab.probes.udp);
    if (u.exitCode === 0) return {addrs: answerAddrs(u), replied: true, exitCode: 0};
    // getent prints the canonical name: the short names' lookups end at the record's full name too.
    const ids = [lab.lookups.full, lab.lookups.short.id, lab.lookups.namespaced.id];
    const hit = ids
      .map((id) => probeResultOf(q, id))
      .find((r) => r.canonicalName?.replace(/\.$/, '') === lab.record.name);
    if (hit && asksService(q, lab) && answerAddrs(hit).length)
      return {addrs: answerAddrs(hit), replied: true, exitCode: 0};
  }
  return {addrs: [], replied: false, exitCode: p.exitCode};
}

export function serverCheck(q: Query, lab: ClusterDnsLab): CheckOutcome {
  const s = lab.service;
  const a = serverAnswer(q, lab);
  if (a.replied) return pass();
  // drill starts slowly on a busy emulated CPU: a direct query that ran out of time, to a Pod where a UDP
  // socket accepts queries on its address, is no evidence against the server. The Service checks decide.
  const sockets = q.ns(s.server.pod)?.sockets;
  if (a.exitCode === TIMED_OUT && sockets !== undefined && !listenerProblem(q, s.server.pod, s.server.ip))
    return pass();
  const asked = {name: lab.record.name, asked: lab.probes.direct, resolved: lab.lookups.full};
  return fail(
    serverProblem(q, s.client.pod, s.server.pod, s.server.ip, [asked]) ??
      `A query from ${s.client.pod} to ${s.server.ip}:${PORT} got no reply in time (exit ${a.exitCode}).`,
  );
}

const podOf = (lab: ClusterDnsLab, addrs: string[]) => addrs.map((a) => lab.pods[a]).find((x) => x !== undefined);

export function recordsCheck(q: Query, lab: ClusterDnsLab): CheckOutcome {
  const {name, addr} = lab.record;
  const a = serverAnswer(q, lab);
  if (a.addrs.length === 1 && a.addrs[0] === addr) return pass();
  if (a.addrs.length) {
    const pod = podOf(lab, a.addrs);
    return fail(
      `${lab.service.server.pod} answers ${name} with ${a.addrs.join(', ')}; the task asks for the ClusterIP ${addr}.` +
        (pod
          ? ` ${a.addrs.join(', ')} is ${pod}: clients would all land on that one Pod, on its own port rather than the ` +
            "Service's, and lose it when the Pod is replaced. CoreDNS answers a Service's name with its ClusterIP."
          : ''),
    );
  }
  if (a.replied)
    return fail(`${lab.service.server.pod} has no A record for ${name} (an empty answer, NXDOMAIN or REFUSED).`);
  return fail(
    a.exitCode === TIMED_OUT
      ? `A query to ${lab.service.server.ip} for ${name} ran out of time, and no lookup through the Service ` +
          `${lab.service.vip} reached the server either, so its answer is unknown. Try it by hand: ` +
          `\`ip netns exec ${lab.service.client.pod} dig @${lab.service.server.ip} ${name}\`.`
      : `A query to ${lab.service.server.ip} for ${name} got no reply (exit ${a.exitCode}).`,
  );
}

export function serviceUdpCheck(q: Query, lab: ClusterDnsLab): CheckOutcome {
  return serviceAnsweredUdp(q, lab) ? pass() : fail(serviceProblem(q, lab.service, 'udp'));
}

export function serviceTcpCheck(q: Query, lab: ClusterDnsLab): CheckOutcome {
  // socat exits 0 once the TCP handshake with the server completed.
  return probeResultOf(q, lab.probes.tcp).exitCode === 0 ? pass() : fail(serviceProblem(q, lab.service, 'tcp'));
}

/** What is wrong with the resolv.conf the client reads, or undefined when it says what a kubelet writes. */
export function confProblem(q: Query, lab: ClusterDnsLab): string | undefined {
  const {client, server, vip} = lab.service;
  const conf = effectiveResolvConf(q, client.pod);
  if (!conf || conf.path !== lab.conf) {
    const stray = fileText(q, `/etc/netns/${server.pod}/resolv.conf`) !== undefined;
    return (
      `There is no ${lab.conf}, so programs in ${client.pod} read the root's /etc/resolv.conf, shared by every namespace ` +
      `without a file of its own (the nodes too). The kubelet writes each Pod its own; \`ip netns exec ${client.pod}\` ` +
      `reads ${lab.conf}.` +
      (stray ? ` You wrote /etc/netns/${server.pod}/resolv.conf: only programs in ${server.pod} read that one.` : '')
    );
  }
  const c = parseResolvConf(conf.text);
  if (c.nameservers[0] !== vip) {
    const pod = c.nameservers.includes(server.ip)
      ? ` ${server.ip} is the ${server.pod} Pod itself: it works until the Pod is replaced and gets another address. ` +
        "Pods are given the Service's address, which stays."
      : '';
    const has = c.nameservers.length
      ? `names nameserver ${c.nameservers.join(', ')}`
      : 'has no nameserver line (the resolver then asks 127.0.0.1)';
    return `${lab.conf} ${has}; ${client.pod} must ask the DNS Service first, ${vip}.${pod}`;
  }
  if (c.search.length === 0) {
    return `${lab.conf} has no search list, so the short name ${lab.lookups.short.name} is asked only as "${lab.lookups.short.name}.", which does not exist.`;
  }
  if (lab.search.some((d, i) => c.search[i] !== d)) {
    return (
      `${lab.conf} searches ${c.search.join(' ')}; a Pod in namespace default searches ${lab.search.join(' ')}, in that ` +
      `order (its own namespace first, so ${lab.lookups.short.name} means the Service of its own namespace).`
    );
  }
  if (c.ndots !== lab.ndots) {
    return (
      `${lab.conf} has ndots:${c.ndots}${/ndots/.test(conf.text) ? '' : ' (the default, with no options line)'}; ` +
      `Kubernetes writes ndots:${lab.ndots}, so that names with up to four dots, like web.default.svc, go through the ` +
      'search list before being asked as written.'
    );
  }
  return undefined;
}

export function confCheck(q: Query, lab: ClusterDnsLab): CheckOutcome {
  const p = confProblem(q, lab);
  return p ? fail(p) : pass();
}

/** A lookup in the client must give the ClusterIP; `otherwise` explains a lookup that found nothing. */
export function lookupCheck(q: Query, lab: ClusterDnsLab, id: string, name: string, otherwise?: string): CheckOutcome {
  const client = lab.service.client.pod;
  const got = lookupAddrs(q, id);
  const hosts = hostsEntry(q, client, name);
  if (hosts)
    return fail(`${hosts.path} lists ${name}: ${client} finds it there before asking DNS, so this proves nothing.`);
  if (got.length && got.every((a) => a === lab.record.addr)) return pass();
  if (got.length) {
    const pod = podOf(lab, got);
    return fail(
      `${client} resolves ${name} to ${got.join(', ')}, not the ClusterIP ${lab.record.addr}` +
        (pod ? ` (${got.join(', ')} is ${pod}, a Pod: a Service name resolves to the Service's address).` : '.'),
    );
  }
  const exit = probeResultOf(q, id).exitCode;
  return fail(
    confProblem(q, lab) ??
      otherwise ??
      `${client} cannot resolve ${name} (getent exited ${exit}), although its resolver file looks right.`,
  );
}

/** The namespaced name: its first search candidate does not exist, so the server must say NXDOMAIN for it. */
export function searchMissesCheck(q: Query, lab: ClusterDnsLab): CheckOutcome {
  const {id, name} = lab.lookups.namespaced;
  const first = `${name}.${lab.search[0]}`;
  const second = `${name}.${lab.search[1]}`;
  return lookupCheck(
    q,
    lab,
    id,
    name,
    `${lab.service.client.pod} resolves ${lab.lookups.short.name} but not ${name}. Its first candidate, ${first}, does ` +
      `not exist; the resolver goes on to ${second} only if the server says so with NXDOMAIN (or an empty answer). A ` +
      'REFUSED, which dnsmasq answers for names it has no record and no upstream for, ends the walk down the search ' +
      `list (the resolver then asks ${name}. as written, refused too). Make ${lab.service.server.pod} answer for the ` +
      'whole zone cluster.local, as CoreDNS is authoritative for it.',
  );
}
