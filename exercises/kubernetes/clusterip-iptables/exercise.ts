import {defineExercise, fail, pass} from '../../../graders/exercise';
import type {Packet} from '../../../graders/netfilter';
import type {Query} from '../../../graders/query';
import {
  endpointShares,
  serviceTranslations,
  targetText,
  type Target,
  type Translation,
} from '../../../graders/services';

const VIP = '10.96.0.20';
const PORT = 80;
const CLIENT = '10.244.1.3';
const ENDPOINTS = [
  {pod: 'pod-a', ip: '10.244.1.2', port: 8080},
  {pod: 'pod-b', ip: '10.244.2.2', port: 8080},
];
const FETCH = 'service-fetch';
// Each connection picks an endpoint at random, 50/50: N connections all land on
// one Pod with probability 2 × 2^-N = 2^(1-N). With 14 that is 1 in 8192, so a
// correct solution virtually never fails; each connection costs ~0.1 s.
const CONNECTIONS = 14;

/** pod-c's packet as node1 sees it arrive on cni0, before any translation. */
const PKT: Packet = {src: CLIENT, dst: VIP, iif: 'cni0', oif: 'cni0'};

const list = (ts: Translation[]) => ts.flatMap((t) => t.text.map((x) => `${t.tool}: ${x}`)).join(' | ');
const targets = (ts: Translation[]): Target[] => ts.flatMap((t) => t.targets);

/** The translations in node1 that see pod-c's packets: PREROUTING, nft prerouting, IPVS on a local VIP. */
function seen(q: Query): Translation[] {
  return serviceTranslations(q.ns('node1'), PKT, PORT).filter(
    (t) => t.hook === 'prerouting' || (t.hook === 'ipvs' && q.findAddress(VIP, 'node1') !== undefined),
  );
}

/** Every probe connection answered, by both Pods. */
function liveBoth(q: Query): boolean {
  const rs = q.probe(FETCH)?.responses ?? [];
  const bodies = rs.map((r) => r.body.trim());
  return rs.length > 0 && rs.every((r) => r.status === 200) && ENDPOINTS.every((e) => bodies.includes(e.pod));
}

/**
 * A layout this grader cannot read (a named nft map, an unusual match) that demonstrably
 * works: the live connections decide, as netfilter.ts's "unknown" does elsewhere.
 */
const unreadableButWorking = (q: Query) => seen(q).length === 0 && liveBoth(q);

function serviceRules(q: Query) {
  if (seen(q).length || unreadableButWorking(q)) return pass();
  const here = serviceTranslations(q.ns('node1'), PKT, PORT);
  if (here.some((t) => t.hook === 'ipvs')) {
    return fail(
      `node1 has an IPVS virtual server for ${VIP}:${PORT}, but ${VIP} is not an address of any device in node1, ` +
        `so pod-c's packets are routed onward instead of being delivered locally, where IPVS picks them up. ` +
        `kube-proxy puts every ClusterIP on the dummy device kube-ipvs0.`,
    );
  }
  if (here.length) {
    return fail(
      `Your rules in node1 are on the OUTPUT hook, which only sees connections node1 opens itself. pod-c's ` +
        `packets arrive on cni0 and are forwarded: they pass PREROUTING (kube-proxy hooks KUBE-SERVICES into both). ` +
        `Rules: ${list(here)}`,
    );
  }
  const elsewhere = [undefined, 'node2', 'pod-c'].flatMap((ns) =>
    serviceTranslations(q.ns(ns), PKT, PORT).length ? [ns ?? 'the root namespace'] : [],
  );
  if (elsewhere.length) {
    return fail(
      `There are Service rules for ${VIP} in ${elsewhere.join(' and ')}, but none in node1. pod-c's packets are ` +
        `routed by its own node, node1, which has no route for ${VIP}: that is where they must be translated ` +
        `(kube-proxy writes the same rules on every node).`,
    );
  }
  return fail(
    `node1 translates nothing for ${VIP}:${PORT}: no DNAT rule (iptables or nftables) and no IPVS virtual server ` +
      `applies to pod-c's packets, so node1 answers "network unreachable".`,
  );
}

function endpoints(q: Query) {
  if (unreadableButWorking(q)) return pass();
  const ts = seen(q);
  const all = targets(ts);
  const missing = ENDPOINTS.filter((e) => !all.some((t) => t.ip === e.ip && t.port === e.port));
  if (missing.length === 0) return pass();
  const wrongPort = all.filter((t) => ENDPOINTS.some((e) => e.ip === t.ip) && t.port !== 8080);
  if (wrongPort.length) {
    return fail(
      `Your translation sends connections to ${wrongPort.map((t) => targetText(t, PORT)).join(' and ')}, but the ` +
        `Pods listen on 8080: 80 is the Service's port, 8080 the targetPort. Rules: ${list(ts)}`,
    );
  }
  const names = missing.map((e) => `${e.pod} (${e.ip}:${e.port})`).join(' and ');
  return fail(
    `Your translation never sends a connection to ${names}; it knows only ${all.map((t) => targetText(t, PORT)).join(', ')}. ` +
      `web has two endpoints and each needs a share. Rules: ${list(ts)}`,
  );
}

function spread(q: Query) {
  if (unreadableButWorking(q)) return pass();
  const ts = seen(q);
  const shares = ENDPOINTS.map((e) => ({...e, share: endpointShares(ts, e.ip, e.port)}));
  const starved = shares.filter((s) => s.share === 0);
  if (starved.length === 0) return pass();
  const other = shares.filter((s) => s.share !== 0);
  return fail(
    `${starved.map((s) => s.pod).join(' and ')} can never be picked: ${other
      .map((s) => `${s.pod} gets ${s.share === undefined ? 'an unknown share' : `${Math.round(s.share * 100)}%`}`)
      .join(', ')} of new connections. ` +
      `Rules are tried in order and a matching DNAT ends the search, so with n endpoints the i-th rule (from 0) ` +
      `needs probability 1/(n-i) of what is left: 0.5, then 1. Rules: ${list(ts)}`,
  );
}

function fetch(q: Query) {
  const rs = q.probe(FETCH)?.responses ?? [];
  const bodies = rs.map((r) => r.body.trim());
  const failed = rs.filter((r) => r.status !== 200);
  const answered = ENDPOINTS.filter((e) => bodies.includes(e.pod));
  if (rs.length > 0 && failed.length === 0 && answered.length === ENDPOINTS.length) return pass();
  const counts = ENDPOINTS.map((e) => `${e.pod} ${bodies.filter((b) => b === e.pod).length}`).join(', ');
  if (failed.length) {
    const why = failed[0].error ?? `status ${failed[0].status}`;
    return fail(
      `${failed.length} of ${rs.length} connections from pod-c to ${VIP}:${PORT} got no page (${why}); answered: ${counts}. ` +
        `A connection sent to an endpoint that does not answer on that address and port fails.`,
    );
  }
  return fail(
    `All ${rs.length} connections from pod-c to ${VIP}:${PORT} were answered by the same Pod (${counts}). ` +
      `With a fair 50/50 choice that happens about once in ${2 ** (rs.length - 1)} tries.`,
  );
}

export default defineExercise({
  id: 'kubernetes/clusterip-iptables',
  title: 'A ClusterIP Service with iptables, as kube-proxy writes it',
  libs: ['k8s'],
  // Service rules may be written in any node (a wrong one is a near-miss): read both.
  deepNamespaces: ['node1', 'node2'],
  probes: [{id: FETCH, kind: 'http', from: 'pod-c', to: VIP, port: PORT, count: CONNECTIONS}],
  hints: [
    'pod-c sends its packets to 10.96.0.20, an address nobody owns. Which machine do they reach first, and what could rewrite their destination there?',
    'In node1, a DNAT in the nat table (PREROUTING, since the packets come from a Pod) to one endpoint per rule; `-m statistic --mode random --probability` decides between them.',
  ],
  checks: [
    {
      id: 'service-rules',
      title: "node1 translates pod-c's connections to 10.96.0.20:80",
      hints: [
        "pod-c's packets reach node1 on cni0 and are forwarded: the nat table's PREROUTING sees them, OUTPUT does not.",
        '`ip netns exec node1 iptables -t nat -A PREROUTING -d 10.96.0.20 -p tcp --dport 80 -j DNAT --to-destination ...`',
      ],
      run: serviceRules,
    },
    {
      id: 'endpoints',
      title: 'The translation sends connections to both endpoints, 10.244.1.2:8080 and 10.244.2.2:8080',
      dependsOn: ['service-rules'],
      hints: [
        'A Service port (80) and its targetPort (8080) differ here. Which port does `ip netns exec pod-a ss -tln` show?',
        'One DNAT rule per endpoint, as kube-proxy writes one KUBE-SEP chain per endpoint.',
      ],
      run: endpoints,
    },
    {
      id: 'spread',
      title: 'Each endpoint gets a share of new connections',
      dependsOn: ['endpoints'],
      hints: [
        'The rules are tried in order. If the first one matches every packet, is the second ever reached?',
        'With two endpoints the first rule takes half (`--probability 0.5`), and the second takes all that is left.',
      ],
      run: spread,
    },
    {
      id: 'fetch',
      title: `pod-c's connections to 10.96.0.20:80 are answered by pod-a and by pod-b (${CONNECTIONS} tries)`,
      dependsOn: ['service-rules'],
      hints: [
        '`for i in 1 2 3 4 5 6; do ip netns exec pod-c curl -s http://10.96.0.20/; done` should print both names.',
        '`ip netns exec node1 conntrack -L -p tcp` shows, for each connection, the endpoint in the reply tuple.',
      ],
      run: fetch,
    },
  ],
});
