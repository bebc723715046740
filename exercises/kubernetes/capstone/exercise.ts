import {
  answerAddrs,
  effectiveResolvConf,
  hostsEntry,
  parseResolvConf,
  probeResultOf,
  serverAnswer,
  type AskedName,
} from '../../../graders/dns';
import {dnsPathProblem, type DnsPath} from '../../../graders/dns-path';
import {defineExercise, fail, pass, type CheckOutcome} from '../../../graders/exercise';
import {crossNodeSnatCheck, fetchCheck, nodePortProbes, probeId, type NodePortService} from '../../../graders/nodeport';
import {NO_NAT_WHY, pingId, pingsBothWays, walkPods, type Pod} from '../../../graders/pods';
import type {Query} from '../../../graders/query';

const EXT = '192.168.50.100';
const NAME = 'web.lab.example';
const CLUSTER_NAME = 'web.default.svc.cluster.local';
const CLUSTER_IP = '10.96.0.20';
const DNS_VIP = '10.96.0.10';
const DNS_POD = {ns: 'coredns', ip: '10.244.1.53'};
const A: Pod = {pod: 'pod-a', node: 'node1', ip: '10.244.1.2', cidr: '10.244.1.0/24'};
const B: Pod = {pod: 'pod-b', node: 'node2', ip: '10.244.2.2', cidr: '10.244.2.0/24'};

const WEB: NodePortService = {
  name: 'web',
  client: {name: 'ext', ip: EXT},
  nodePort: 30080,
  nodes: [
    {name: 'node1', ip: '192.168.50.11', dev: 'eth0'},
    {name: 'node2', ip: '192.168.50.12', dev: 'eth0'},
  ],
  endpoints: [
    {pod: A.pod, ip: A.ip, port: 8080, node: A.node},
    {pod: B.pod, ip: B.ip, port: 8080, node: B.node},
  ],
  count: 6,
};
const NODE1 = WEB.nodes[0];

/** ext asks node1 directly (dns probe) and through its own resolv.conf (resolve probe). */
const EXT_Q: AskedName = {name: NAME, asked: 'ext-asks-node1', resolved: 'ext-resolves'};
/** pod-a asks the DNS Service, the same two ways. */
const POD_Q: AskedName = {name: CLUSTER_NAME, asked: 'pod-a-asks-dns', resolved: 'pod-a-resolves'};

const EXT_PATH: DnsPath = {
  node: 'node1',
  client: 'ext',
  src: EXT,
  dst: NODE1.ip,
  iif: 'eth0',
  server: DNS_POD,
  vip: DNS_VIP,
};
const POD_PATH: DnsPath = {
  node: 'node1',
  client: 'pod-a',
  src: A.ip,
  dst: DNS_VIP,
  iif: 'cni0',
  server: DNS_POD,
  vip: DNS_VIP,
};

const EXT_CONF = '/etc/netns/ext/resolv.conf';

/** What an address ext was given for the name is, when it is not a node's. */
function whatIs(ip: string): string {
  if (ip === CLUSTER_IP)
    return `${ip} is the ClusterIP of web: it exists only in the nodes' rules, for packets that already pass through a node`;
  const pod = WEB.endpoints.find((e) => e.ip === ip);
  if (pod) return `${ip} is ${pod.pod}'s own address, inside ${pod.node}'s Pod CIDR`;
  if (ip.startsWith('10.244.')) return `${ip} is a Pod address`;
  if (ip.startsWith('10.96.')) return `${ip} is a ClusterIP`;
  return `${ip} is no node's address`;
}

/** The nodes whose addresses ext got for the name, from either probe. */
function resolvedNodes(q: Query) {
  const got = new Set([
    ...serverAnswer(q, 'ext', NODE1.ip, EXT_Q).addrs,
    ...answerAddrs(probeResultOf(q, EXT_Q.resolved)),
  ]);
  return WEB.nodes.filter((n) => got.has(n.ip));
}

/** The NodePort checks, limited to the nodes the name leads to. */
function scoped(q: Query): NodePortService {
  return {...WEB, nodes: resolvedNodes(q)};
}

function fetchByName(q: Query): CheckOutcome {
  const s = scoped(q);
  const problems: string[] = [];
  for (const n of s.nodes) {
    const r = fetchCheck(q, s, n.name);
    if (!r.ok) problems.push(`${NAME} resolves to ${n.ip} (${n.name}), so clients connect there: ${r.message}`);
  }
  if (problems.length) return fail(problems.join(' '));
  const pods = new Set(
    s.nodes.flatMap((n) => (q.probe(probeId(s, n.name))?.responses ?? []).map((r) => r.body.trim())),
  );
  const missing = WEB.endpoints.filter((e) => !pods.has(e.pod));
  if (missing.length === 0) return pass();
  const via = s.nodes.map((n) => `${n.ip}:${WEB.nodePort}`).join(' and ');
  return fail(
    `Every connection to ${via} was answered by ${[...pods].join(', ')}; ${missing.map((e) => e.pod).join(', ')} never ` +
      `answered. ${NAME} leads only to ${s.nodes.map((n) => n.name).join(', ')}, which send${s.nodes.length === 1 ? 's' : ''} ` +
      `NodePort connections only to ${s.nodes.length === 1 ? 'its' : 'their'} own endpoint (externalTrafficPolicy: Local): ` +
      `point the name at every node that runs an endpoint, or let the node spread over all endpoints (Cluster, with the SNAT that needs).`,
  );
}

export default defineExercise({
  id: 'kubernetes/capstone',
  title: 'Capstone: reach a Service by name from outside the cluster',
  libs: ['k8s'],
  // The nodes hold the Service rules; coredns's sockets say whether its server runs.
  deepNamespaces: ['node1', 'node2', 'coredns'],
  files: [EXT_CONF, '/etc/netns/ext/hosts', '/etc/resolv.conf', '/etc/hosts', '/etc/netns/pod-a/resolv.conf'],
  probes: [
    // Pings only: a source probe each way would add two listeners to an already busy set of probes; the walk
    // through the recorded rules finds any NAT between the Pods.
    {id: pingId(A, B), kind: 'ping', from: A.pod, to: B.ip},
    {id: pingId(B, A), kind: 'ping', from: B.pod, to: A.ip},
    {id: EXT_Q.asked, kind: 'dns', from: 'ext', server: NODE1.ip, name: NAME},
    {id: EXT_Q.resolved, kind: 'resolve', from: 'ext', name: NAME},
    {id: POD_Q.asked, kind: 'dns', from: A.pod, server: DNS_VIP, name: CLUSTER_NAME},
    {id: POD_Q.resolved, kind: 'resolve', from: A.pod, name: CLUSTER_NAME},
    // The http probe connects from the namespace's network only (not its resolv.conf), so it asks each node's address with the name as Host.
    ...nodePortProbes(WEB).map((p) => ({...p, host: NAME})),
  ],
  hints: [
    'Work from the bottom up: Pods reach Pods, then Services, then DNS, then the way in from outside. Each chapter of the part did one of these.',
    "Follow ext's `curl http://web.lab.example:30080/`: a DNS query to 192.168.50.11:53, an answer with a node's address, a SYN to that node's port 30080, a DNAT to a Pod, maybe on the other node, and the way back.",
  ],
  checks: checks(),
});

function checks() {
  return [
    {
      id: 'ext-outside',
      title: 'ext stays outside the cluster: 192.168.50.100, no route to Pods or ClusterIPs, resolver 192.168.50.11',
      hints: [
        'ext plays a laptop on the LAN: it knows the nodes and its DNS server, nothing inside the cluster. Start the lab again if you changed it.',
      ],
      run: (q: Query) => {
        if (!q.findAddress(EXT, 'ext')) return fail(`ext no longer has ${EXT} (start the lab again).`);
        for (const dst of [A.ip, B.ip, DNS_POD.ip, CLUSTER_IP, DNS_VIP]) {
          const r = q.routeLookup(dst, 'ext');
          if (r)
            return fail(
              `ext has a route to ${dst} (${r.dst}${r.gateway ? ` via ${r.gateway}` : ''}); a client outside the cluster knows only the nodes' LAN. Remove it: the way in must be the nodes' addresses.`,
            );
        }
        const conf = effectiveResolvConf(q, 'ext');
        const servers = conf ? parseResolvConf(conf.text).nameservers : [];
        if (servers.join() !== NODE1.ip) {
          return fail(
            `${conf?.path ?? EXT_CONF} names ${servers.length ? servers.join(', ') : 'no nameserver'}; ext's resolver is ${NODE1.ip} (as the lab set it): the name must come from the cluster's DNS through node1.`,
          );
        }
        const hosts = hostsEntry(q, 'ext', NAME);
        if (hosts)
          return fail(
            `${hosts.path} lists ${NAME} (${hosts.addrs.join(', ')}): remove it, the name must come from DNS.`,
          );
        return pass();
      },
    },
    {
      id: 'pod-to-pod',
      title: 'pod-a and pod-b reach each other across the nodes, without NAT',
      hints: [
        "`ip -n node1 route get 10.244.2.2`: what does node1 know about node2's Pod CIDR?",
        'The Pod to Pod chapter: a route per node to the other Pod CIDR via the other node (host-gw), or a VXLAN overlay (Flannel).',
      ],
      run: (q: Query) => {
        const walks = [walkPods(q, A, B), walkPods(q, B, A)];
        const broken = walks.flatMap((w, i) =>
          w.kind === 'broken' ? [`${i ? 'pod-b → pod-a' : 'pod-a → pod-b'} (${w.path.join(' → ')}): ${w.message}`] : [],
        );
        if (broken.length) return fail(broken.join(' '));
        // An overlay the walk cannot follow: the pings decide.
        const ping = pingsBothWays(q, A, B);
        if (!ping.ok) return fail(ping.message);
        const nat = walks.flatMap((w) => (w.kind === 'delivered' ? w.nat : []));
        return nat.length ? fail(`Pod traffic is translated: ${nat.join('; ')}. ${NO_NAT_WHY}`) : pass();
      },
    },
    {
      id: 'dns-way-in',
      title: 'ext gets an answer from its resolver, 192.168.50.11:53',
      dependsOn: ['ext-outside'],
      hints: [
        '`ip netns exec ext dig @192.168.50.11 web.lab.example`: "connection refused" means node1 answered with ICMP port unreachable, a timeout that the query went somewhere and never came back.',
        'Nothing runs on node1: the DNS server is the coredns Pod (start dnsmasq there, the Cluster DNS chapter). The way in is a DNAT on node1 for UDP port 53 of its address, like a NodePort.',
      ],
      run: (q: Query) => {
        const a = serverAnswer(q, 'ext', NODE1.ip, EXT_Q);
        if (a.replied || a.addrs.length) return pass();
        return fail(
          `ext's query to ${NODE1.ip}:53 for ${NAME} got no reply (exit ${a.exitCode}). ${dnsPathProblem(q, EXT_PATH)}`,
        );
      },
    },
    {
      id: 'name-record',
      title: 'ext resolves web.lab.example to the nodes: 192.168.50.11 and/or 192.168.50.12',
      dependsOn: ['dns-way-in'],
      hints: [
        "Which address can ext use at all? Only the nodes' own: ext has no route to Pods or ClusterIPs.",
        "dnsmasq's `--host-record=web.lab.example,192.168.50.11` gives the name an A record; repeat it for a second address.",
      ],
      run: (q: Query) => {
        const got = serverAnswer(q, 'ext', NODE1.ip, EXT_Q).addrs;
        if (got.length === 0) {
          return fail(
            `${NODE1.ip}:53 answers ext (the DNS server is reached), but with no address for ${NAME} (an empty answer, NXDOMAIN or REFUSED). The external name is a record of its own in the cluster's DNS server, beside ${CLUSTER_NAME}.`,
          );
        }
        const bad = got.filter((ip) => !WEB.nodes.some((n) => n.ip === ip));
        if (bad.length) {
          return fail(
            `${NAME} resolves to ${got.join(', ')}: ${bad.map(whatIs).join('; ')}. ext has no route there and must not: from outside, the way in is a node's address and the NodePort ${WEB.nodePort}. Point the name at ${WEB.nodes.map((n) => n.ip).join(' and/or ')}.`,
          );
        }
        const r = probeResultOf(q, EXT_Q.resolved);
        const via = answerAddrs(r);
        if (via.length === 0 || via.some((ip) => !got.includes(ip))) {
          return fail(
            `dig @${NODE1.ip} answers ${got.join(', ')}, but \`getent ahostsv4 ${NAME}\` in ext ${via.length ? `gives ${via.join(', ')}` : `fails (exit ${r.exitCode})`}: ext's programs must get the same answer through its resolv.conf.`,
          );
        }
        return pass();
      },
    },
    {
      id: 'cross-node-snat',
      title: "Connections a node hands to the other node's endpoint are answered back through it",
      dependsOn: ['pod-to-pod', 'name-record'],
      hints: [
        'Capture on ext (`ip netns exec ext tcpdump -ni eth0 tcp`) while you curl the name several times: which address answers the connections that hang?',
        'The NodePort chapter: masquerade what a node DNATs and sends out through eth0, or keep each node to its own endpoints (externalTrafficPolicy: Local).',
      ],
      run: (q: Query) => crossNodeSnatCheck(q, scoped(q)),
    },
    {
      id: 'fetch-by-name',
      title: 'curl http://web.lab.example:30080/ from ext works every time, and both pod-a and pod-b answer',
      dependsOn: ['pod-to-pod', 'name-record'],
      hints: [
        '`for i in 1 2 3 4 5 6; do ip netns exec ext curl -sS -m 2 http://web.lab.example:30080/; done`: every line must be pod-a or pod-b, and both must show up.',
        'Every address the name gives must have the NodePort: kube-proxy writes it on every node.',
      ],
      run: fetchByName,
    },
    {
      id: 'in-cluster-dns',
      title: 'Inside the cluster, pod-a resolves web.default.svc.cluster.local to 10.96.0.20 through 10.96.0.10',
      hints: [
        "pod-a's /etc/netns/pod-a/resolv.conf names 10.96.0.10, the DNS Service: `ip netns exec pod-a dig @10.96.0.10 web.default.svc.cluster.local`.",
        'The Service 10.96.0.10 needs its rules like web: UDP (and TCP) port 53 to the coredns Pod 10.244.1.53:53, and the server a record for the Service name.',
      ],
      run: (q: Query) => {
        const a = serverAnswer(q, A.pod, DNS_VIP, POD_Q);
        if (!a.replied && a.addrs.length === 0) {
          return fail(
            `pod-a's query to the DNS Service ${DNS_VIP}:53 got no reply (exit ${a.exitCode}). ${dnsPathProblem(q, POD_PATH)}`,
          );
        }
        if (a.addrs.length === 0) {
          return fail(
            `${DNS_VIP} answers pod-a, but with no address for ${CLUSTER_NAME}: the cluster DNS holds a record <service>.<namespace>.svc.cluster.local for each Service, here ${CLUSTER_IP}.`,
          );
        }
        if (a.addrs.join() !== CLUSTER_IP) {
          return fail(
            `${DNS_VIP} answers ${CLUSTER_NAME} with ${a.addrs.join(', ')}; a Service's name resolves to its ClusterIP, ${CLUSTER_IP}, inside the cluster.`,
          );
        }
        const r = probeResultOf(q, POD_Q.resolved);
        if (!answerAddrs(r).includes(CLUSTER_IP)) {
          return fail(
            `dig @${DNS_VIP} answers ${CLUSTER_IP}, but \`getent ahostsv4 ${CLUSTER_NAME}\` in pod-a does not (exit ${r.exitCode}): leave /etc/netns/pod-a/resolv.conf as the lab wrote it (nameserver ${DNS_VIP}).`,
          );
        }
        return pass();
      },
    },
  ];
}
