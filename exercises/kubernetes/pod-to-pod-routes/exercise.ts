import {defineExercise, fail, pass} from '../../../graders/exercise';
import {NO_NAT_WHY, noNat, pingsBothWays, podProbes, reaches, type Pod, type Verdict} from '../../../graders/pods';
import type {Query} from '../../../graders/query';

const A: Pod = {pod: 'pod-a', node: 'node1', ip: '10.244.1.2', cidr: '10.244.1.0/24'};
const B: Pod = {pod: 'pod-b', node: 'node2', ip: '10.244.2.2', cidr: '10.244.2.0/24'};

const verdict = (v: Verdict) => (v.ok ? pass() : fail(v.message));

/** The Pods as the setup made them: the lab is about the nodes, not the Pods' addresses. */
function podIntact(q: Query, p: Pod): string | undefined {
  const f = q.findAddress(p.ip, p.pod);
  if (!f) return `${p.pod} no longer has its address ${p.ip} (run the setup again).`;
  const gw = q.defaultRoute(p.pod);
  if (!gw) return `${p.pod} has lost its default route via its node's cni0 (run the setup again).`;
  return undefined;
}

export default defineExercise({
  id: 'kubernetes/pod-to-pod-routes',
  title: 'Pod to Pod across nodes with host-gw routes',
  libs: ['k8s'],
  // The nodes route and may translate: their iptables, nft and per-device sysctls are read.
  deepNamespaces: ['node1', 'node2'],
  probes: podProbes(A, B),
  hints: [
    'Each node already delivers to its own Pods through cni0. What does node1 know about 10.244.2.0/24, and node2 about 10.244.1.0/24?',
    "`ip -n node1 route` shows node1's table; the other node's Pod CIDR is reachable through the other node's address on the LAN.",
  ],
  checks: [
    {
      id: 'pods-intact',
      title: 'pod-a (10.244.1.2) and pod-b (10.244.2.2) keep their addresses and default routes',
      hints: [
        'The task is on the nodes; the Pods stay as the CNI plugin made them. Start the lab again if they changed.',
      ],
      run: (q) => {
        const bad = [podIntact(q, A), podIntact(q, B)].filter((x) => x !== undefined);
        return bad.length ? fail(bad.join(' ')) : pass();
      },
    },
    {
      id: 'a-to-b',
      title: "pod-a's packets reach pod-b (10.244.2.2)",
      dependsOn: ['pods-intact'],
      hints: [
        "Follow a packet: pod-a → its gateway 10.244.1.1 (node1's cni0) → node1's routing table → ... Where does it stop? `ip -n node1 route get 10.244.2.2` answers for node1.",
        'A next hop must be directly reachable: on the LAN, node2 is 192.168.50.12. `ip -n node1 route add 10.244.2.0/24 via ...`',
      ],
      run: (q) => verdict(reaches(q, A, B)),
    },
    {
      id: 'b-to-a',
      title: "pod-b's packets reach pod-a (10.244.1.2)",
      dependsOn: ['pods-intact'],
      hints: [
        'Replies travel on their own: node2 needs a route back to 10.244.1.0/24 just as node1 needs one to 10.244.2.0/24.',
        '`ip -n node2 route get 10.244.1.2` shows what node2 would do with them.',
      ],
      run: (q) => verdict(reaches(q, B, A)),
    },
    {
      id: 'ping',
      title: 'pod-a and pod-b ping each other, both ways',
      dependsOn: ['a-to-b', 'b-to-a'],
      hints: ['`ip netns exec pod-a ping -c 1 10.244.2.2` and `ip netns exec pod-b ping -c 1 10.244.1.2`.'],
      run: (q) => verdict(pingsBothWays(q, A, B)),
    },
    {
      id: 'no-nat',
      title: 'pod-b sees 10.244.1.2 as the source, and pod-a sees 10.244.2.2: no NAT between Pods',
      dependsOn: ['a-to-b', 'b-to-a'],
      hints: [
        'Capture on the receiving Pod: `ip netns exec pod-b tcpdump -ni eth0 icmp` while pod-a pings. Which source address arrives?',
        '`ip netns exec node1 iptables -t nat -S POSTROUTING` (and `nft list ruleset`) show rules that rewrite sources; Pod-to-Pod traffic must not match them.',
      ],
      run: (q) => {
        const bad = [noNat(q, A, B), noNat(q, B, A)].flatMap((v) => (v.ok ? [] : [v.message]));
        return bad.length ? fail(`${bad.join(' ')} ${NO_NAT_WHY}`) : pass();
      },
    },
  ],
});
