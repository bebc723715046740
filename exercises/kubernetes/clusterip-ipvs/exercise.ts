import {defineExercise, fail, pass} from '../../../graders/exercise';
import type {Packet} from '../../../graders/netfilter';
import type {IpvsService} from '../../../graders/parse/ipvs';
import type {Query} from '../../../graders/query';
import {ipvsServices, ipvsText, serviceTranslations} from '../../../graders/services';

const VIP = '10.96.0.20';
const PORT = 80;
const ENDPOINTS = [
  {pod: 'pod-a', ip: '10.244.1.2', port: 8080},
  {pod: 'pod-b', ip: '10.244.2.2', port: 8080},
];
const FETCH = 'service-fetch';
// Round robin is deterministic: 6 connections alternate a, b, a, b, a, b.
const CONNECTIONS = 6;
/** Schedulers that hand a single client's connections out in turn when weights are equal. */
const TURN_TAKING = new Set(['rr', 'wrr']);

/** pod-c's packet as node1 sees it arrive on cni0. */
const PKT: Packet = {src: '10.244.1.3', dst: VIP, iif: 'cni0', oif: 'cni0'};

const service = (q: Query): IpvsService | undefined => ipvsServices(q.ns('node1'), PKT, PORT)[0];

function ipvsService(q: Query) {
  if (service(q)) return pass();
  const elsewhere = [undefined, 'node2'].filter((ns) => ipvsServices(q.ns(ns), PKT, PORT).length > 0);
  if (elsewhere.length) {
    return fail(
      `There is an IPVS virtual server for ${VIP}:${PORT} in ${elsewhere.map((n) => n ?? 'the root namespace').join(' and ')}, ` +
        `but none in node1, the node pod-c's packets reach. IPVS state is per network namespace (per node).`,
    );
  }
  const dnat = serviceTranslations(q.ns('node1'), PKT, PORT).filter((t) => t.tool !== 'ipvs');
  if (dnat.length) {
    return fail(
      `node1 translates ${VIP} with ${dnat[0].tool} rules, which is the previous lab's way. This lab is about IPVS: ` +
        `remove the DNAT rules and make an IPVS virtual server (ipvsadm -A) for ${VIP}:${PORT}.`,
    );
  }
  const other = q.ns('node1')?.ipvs ?? [];
  return fail(
    `node1 has no IPVS virtual server for TCP ${VIP}:${PORT}` +
      (other.length ? ` (it has: ${other.map(ipvsText).join(' | ')}).` : ' (`ipvsadm -Ln` in node1 lists none).'),
  );
}

function vipLocal(q: Query) {
  const f = q.findAddress(VIP, 'node1');
  if (f) return pass();
  return fail(
    `${VIP} is not an address of any device in node1. IPVS only sees packets the node delivers to itself, so pod-c's ` +
      `packets are routed (to nowhere: "network unreachable") before IPVS can take them. kube-proxy puts every ` +
      `ClusterIP on the dummy device kube-ipvs0 for this.`,
  );
}

function realServers(q: Query) {
  const s = service(q);
  if (!s) return fail('No virtual server.');
  const dests = s.destinations;
  const missing = ENDPOINTS.filter((e) => !dests.some((d) => d.address === e.ip && d.port === e.port));
  const wrongPort = dests.filter((d) => ENDPOINTS.some((e) => e.ip === d.address) && d.port !== 8080);
  if (wrongPort.length) {
    return fail(
      `Your real servers are ${wrongPort.map((d) => `${d.address}:${d.port}`).join(' and ')}, but the Pods listen on ` +
        `8080: 80 is the Service's port, 8080 the targetPort. Virtual server: ${ipvsText(s)}`,
    );
  }
  if (missing.length) {
    return fail(
      `${missing.map((e) => `${e.pod} (${e.ip}:${e.port})`).join(' and ')} is not a real server of ${VIP}:${PORT}; ` +
        `web has two endpoints. Virtual server: ${ipvsText(s)}`,
    );
  }
  const notMasq = dests.filter((d) => d.forward !== 'Masq');
  if (notMasq.length) {
    return fail(
      `${notMasq.map((d) => `${d.address}:${d.port} uses ${d.forward}`).join(', ')}. Only masquerading (ipvsadm -m) ` +
        `rewrites the destination to the Pod's address and port; direct routing and tunnelling expect the real server ` +
        `to own ${VIP} itself. kube-proxy uses Masq.`,
    );
  }
  return pass();
}

function scheduler(q: Query) {
  const s = service(q);
  if (!s) return fail('No virtual server.');
  const weights = new Set(s.destinations.map((d) => d.weight));
  if (s.destinations.some((d) => d.weight === 0)) {
    return fail(`A real server with weight 0 gets no new connections. Virtual server: ${ipvsText(s)}`);
  }
  if (!TURN_TAKING.has(s.scheduler)) {
    const why =
      s.scheduler === 'sh' || s.scheduler === 'dh'
        ? `${s.scheduler === 'sh' ? 'source' : 'destination'} hashing picks the real server from the ${s.scheduler === 'sh' ? "client's" : 'destination'} address, so every connection from pod-c lands on the same Pod`
        : `"${s.scheduler}" does not hand connections out in turn`;
    return fail(`The virtual server uses the ${s.scheduler} scheduler: ${why}. The task asks for round robin (rr).`);
  }
  if (s.scheduler === 'wrr' && weights.size > 1) {
    return fail(`wrr with unequal weights (${[...weights].join(', ')}) is not an even round robin.`);
  }
  return pass();
}

function fetch(q: Query) {
  const rs = q.probe(FETCH)?.responses ?? [];
  const bodies = rs.map((r) => r.body.trim());
  const failed = rs.filter((r) => r.status !== 200);
  if (failed.length) {
    return fail(
      `${failed.length} of ${rs.length} connections from pod-c to ${VIP}:${PORT} got no page (${failed[0].error ?? `status ${failed[0].status}`}).`,
    );
  }
  const missing = ENDPOINTS.filter((e) => !bodies.includes(e.pod));
  const repeats = bodies.filter((b, i) => i > 0 && b === bodies[i - 1]).length;
  if (rs.length && missing.length === 0 && repeats === 0) return pass();
  return fail(
    `pod-c's ${rs.length} connections were answered by ${bodies.join(', ') || 'nobody'}: ` +
      (missing.length
        ? `${missing.map((e) => e.pod).join(' and ')} never answered.`
        : 'round robin would alternate between the two Pods.'),
  );
}

export default defineExercise({
  id: 'kubernetes/clusterip-ipvs',
  title: 'A ClusterIP Service with IPVS, as kube-proxy writes it',
  libs: ['k8s'],
  deepNamespaces: ['node1', 'node2'],
  probes: [{id: FETCH, kind: 'http', from: 'pod-c', to: VIP, port: PORT, count: CONNECTIONS}],
  hints: [
    'IPVS is a load balancer inside the kernel: a virtual server (address, port, scheduler) and its real servers. It works on packets addressed to the node itself.',
    '`ipvsadm -A -t ADDR:PORT -s rr` creates the virtual server, `ipvsadm -a -t ADDR:PORT -r POD:PORT -m` adds a real server (in node1).',
  ],
  checks: [
    {
      id: 'ipvs-service',
      title: 'node1 has an IPVS virtual server for TCP 10.96.0.20:80',
      hints: [
        '`ip netns exec node1 ipvsadm -Ln` lists the virtual servers of node1.',
        '`ip netns exec node1 ipvsadm -A -t 10.96.0.20:80 -s rr`',
      ],
      run: ipvsService,
    },
    {
      id: 'vip-local',
      title: '10.96.0.20 is a local address of node1, so IPVS sees the packets',
      dependsOn: ['ipvs-service'],
      hints: [
        'IPVS hooks where packets are delivered locally. Does node1 think 10.96.0.20 is its own? `ip -n node1 route get 10.96.0.20`',
        'kube-proxy creates a dummy device, kube-ipvs0, and puts every ClusterIP on it as a /32.',
      ],
      run: vipLocal,
    },
    {
      id: 'real-servers',
      title: 'The real servers are 10.244.1.2:8080 and 10.244.2.2:8080, masqueraded',
      dependsOn: ['ipvs-service'],
      hints: [
        'One `ipvsadm -a` per endpoint, with the port the Pod listens on.',
        '`-m` (masquerading) is the forwarding method that rewrites the destination.',
      ],
      run: realServers,
    },
    {
      id: 'scheduler',
      title: 'Connections are handed out in turn (round robin)',
      dependsOn: ['ipvs-service'],
      hints: [
        'The scheduler is the `-s` of the virtual server; `ipvsadm -Ln` prints it after the address.',
        '`ipvsadm -E -t 10.96.0.20:80 -s rr` changes it in place.',
      ],
      run: scheduler,
    },
    {
      id: 'fetch',
      title: `pod-c's connections to 10.96.0.20:80 alternate between pod-a and pod-b (${CONNECTIONS} tries)`,
      dependsOn: ['ipvs-service'],
      hints: [
        '`for i in 1 2 3 4; do ip netns exec pod-c curl -s http://10.96.0.20/; done`',
        '`ip netns exec node1 ipvsadm -Lnc` lists the connections IPVS tracks and the real server of each.',
      ],
      run: fetch,
    },
  ],
});
