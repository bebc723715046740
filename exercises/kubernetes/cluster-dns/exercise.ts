import {
  type ClusterDnsLab,
  confCheck,
  lookupCheck,
  recordsCheck,
  searchMissesCheck,
  serverCheck,
  serviceTcpCheck,
  serviceUdpCheck,
} from '../../../graders/clusterdns-lab';
import {defineExercise} from '../../../graders/exercise';

const FULL = 'web.default.svc.cluster.local';
const CONF = '/etc/netns/pod-c/resolv.conf';

// The check bodies live in graders/clusterdns-lab.ts; this file declares the lab.
const LAB: ClusterDnsLab = {
  service: {
    vip: '10.96.0.10',
    node: 'node1',
    bridge: 'cni0',
    client: {pod: 'pod-c', ip: '10.244.1.3'},
    server: {pod: 'coredns', ip: '10.244.1.53'},
  },
  record: {name: FULL, addr: '10.96.0.20'},
  search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
  ndots: 5,
  conf: CONF,
  pods: {'10.244.1.2': 'pod-a', '10.244.2.2': 'pod-b', '10.244.1.3': 'pod-c'},
  probes: {direct: 'pod-direct', udp: 'service-udp', tcp: 'service-tcp'},
  lookups: {
    full: 'resolve-full',
    short: {id: 'resolve-short', name: 'web'},
    namespaced: {id: 'resolve-namespaced', name: 'web.default'},
  },
};

export default defineExercise({
  id: 'kubernetes/cluster-dns',
  title: 'Cluster DNS: web resolves in pod-c',
  libs: ['k8s'],
  // node1 holds the Service rules; coredns's sockets show where the server listens.
  deepNamespaces: ['node1', 'coredns'],
  files: [CONF, '/etc/resolv.conf', '/etc/netns/pod-c/hosts', '/etc/hosts', '/etc/netns/coredns/resolv.conf'],
  probes: [
    {id: 'pod-direct', kind: 'dns', from: 'pod-c', server: '10.244.1.53', name: FULL},
    {id: 'service-udp', kind: 'dns', from: 'pod-c', server: '10.96.0.10', name: FULL},
    // The dns probe asks over UDP only; a TCP connection to the Service's port 53 shows its TCP half.
    {id: 'service-tcp', kind: 'tcp', from: 'pod-c', to: '10.96.0.10', port: 53},
    // With its final dot the name is absolute: one query. Without it, ndots:5 makes it four (three search misses first).
    {id: 'resolve-full', kind: 'resolve', from: 'pod-c', name: `${FULL}.`},
    {id: 'resolve-short', kind: 'resolve', from: 'pod-c', name: 'web'},
    {id: 'resolve-namespaced', kind: 'resolve', from: 'pod-c', name: 'web.default'},
  ],
  hints: [
    'Three pieces, as in a cluster: a DNS server in the coredns Pod, the Service 10.96.0.10 that leads to it (on node1, like any Service), and the resolver file the kubelet gives pod-c.',
    'Test each piece alone: `ip netns exec pod-c dig @10.244.1.53 web.default.svc.cluster.local`, then `@10.96.0.10`, then `ip netns exec pod-c getent hosts web`.',
  ],
  checks: [
    {
      id: 'server',
      title: 'The coredns Pod answers DNS queries on 10.244.1.53:53',
      hints: [
        '`ip netns exec coredns ss -lntup` shows what listens in the Pod, and on which address.',
        'Start dnsmasq inside the Pod: `ip netns exec coredns dnsmasq --no-resolv --no-hosts ...`.',
      ],
      run: (q) => serverCheck(q, LAB),
    },
    {
      id: 'records',
      title: 'It answers web.default.svc.cluster.local with the ClusterIP 10.96.0.20',
      dependsOn: ['server'],
      hints: [
        '`ip netns exec pod-c dig @10.244.1.53 web.default.svc.cluster.local` shows the answer section.',
        "dnsmasq's `--host-record=NAME,ADDRESS` gives a name an A record.",
      ],
      run: (q) => recordsCheck(q, LAB),
    },
    {
      id: 'service-udp',
      title: "pod-c's queries to the DNS Service 10.96.0.10:53 over UDP are answered",
      dependsOn: ['server'],
      hints: [
        "A Service is a translation on the client's node: 10.96.0.10:53 must become 10.244.1.53:53 in node1, before routing.",
        "In node1, a DNAT in the nat table's PREROUTING for `-d 10.96.0.10 -p udp --dport 53`.",
      ],
      run: (q) => serviceUdpCheck(q, LAB),
    },
    {
      id: 'service-tcp',
      title: 'The DNS Service accepts TCP connections on 10.96.0.10:53 too',
      dependsOn: ['server'],
      hints: [
        'kube-dns has two Service ports with the same number: `dns` (53/UDP) and `dns-tcp` (53/TCP).',
        'A rule that names `-p udp` never matches TCP: the Service needs a rule (or a virtual server) for each protocol.',
      ],
      run: (q) => serviceTcpCheck(q, LAB),
    },
    {
      id: 'resolv-conf',
      title: "pod-c's resolv.conf: nameserver 10.96.0.10, the Pod search list, ndots:5",
      hints: [
        '`ip netns exec pod-c cat /etc/resolv.conf` shows the file programs in pod-c read.',
        'In /etc/netns/pod-c/resolv.conf: `search default.svc.cluster.local svc.cluster.local cluster.local`, the nameserver line, and `options ndots:5`.',
      ],
      run: (q) => confCheck(q, LAB),
    },
    {
      id: 'full-name',
      title: 'In pod-c, web.default.svc.cluster.local resolves to 10.96.0.20',
      dependsOn: ['service-udp'],
      hints: [
        '`ip netns exec pod-c getent hosts web.default.svc.cluster.local` resolves as any program in pod-c does.',
      ],
      run: (q) => lookupCheck(q, LAB, 'resolve-full', FULL),
    },
    {
      id: 'short-name',
      title: 'In pod-c, the short name web resolves to 10.96.0.20',
      dependsOn: ['full-name'],
      hints: [
        'The resolver appends each domain of the search list to a name with fewer dots than ndots.',
        '`ip netns exec pod-c tcpdump -ni eth0 port 53` in a second terminal shows every name it tries.',
      ],
      run: (q) => lookupCheck(q, LAB, 'resolve-short', 'web'),
    },
    {
      id: 'search-misses',
      title: 'web.default resolves too: names coredns does not know get NXDOMAIN, so the search goes on',
      dependsOn: ['short-name'],
      hints: [
        'web.default is tried as web.default.default.svc.cluster.local first. What does coredns answer for a name it does not know?',
        "dnsmasq refuses names it has no record for and no upstream to ask; `--local=/cluster.local/` makes it answer NXDOMAIN for that zone's unknown names.",
      ],
      run: (q) => searchMissesCheck(q, LAB),
    },
  ],
});
