import {defineExercise} from '../../../graders/exercise';
import {overlayCapture, overlayVtep, podPing, podSource, type OverlayNode} from '../../../graders/overlay';
import {routerUnchanged} from '../../../graders/router';

const VNI = 1;
const PORT = 8472;
const NODE1: OverlayNode = {
  node: 'node1',
  underlay: '192.168.50.11',
  podCidr: '10.244.1.0/24',
  vtepIp: '10.244.1.0',
  pod: 'pod-a',
  podIp: '10.244.1.2',
};
const NODE2: OverlayNode = {
  node: 'node2',
  underlay: '192.168.60.12',
  podCidr: '10.244.2.0/24',
  vtepIp: '10.244.2.0',
  pod: 'pod-b',
  podIp: '10.244.2.2',
};

export default defineExercise({
  id: 'kubernetes/vxlan-overlay',
  title: "Pod to Pod across a router: Flannel's VXLAN",
  libs: ['k8s'],
  // router: its netfilter rules and ip_forward are part of "unchanged".
  deepNamespaces: ['router'],
  probes: [
    // Captured on the router's lan2 side: what node2 receives has crossed the router.
    {id: 'a-to-b', kind: 'ping', from: 'pod-a', to: NODE2.podIp, capture: {in: 'router', dev: 'eth1'}},
    {id: 'b-to-a', kind: 'ping', from: 'pod-b', to: NODE1.podIp},
    {id: 'seen-by-b', kind: 'source', from: 'pod-a', to: NODE2.podIp, port: 40000, listenIn: 'pod-b'},
    {id: 'seen-by-a', kind: 'source', from: 'pod-b', to: NODE1.podIp, port: 40001, listenIn: 'pod-a'},
  ],
  hints: [
    'The router will never know 10.244.0.0/16. Only the nodes do: each must wrap Pod packets in UDP addressed to the other node.',
    'Per node, Flannel writes four things: flannel.1 (VNI 1, UDP 8472, nolearning) holding its .0 as a /32, an onlink route to the other Pod CIDR via the other .0, a permanent neighbour for that .0, and an FDB entry for its MAC.',
  ],
  checks: [
    {
      id: 'router-unchanged',
      title: 'router is as the start left it: no Pod routes, no new addresses, no NAT or filter rules',
      hints: [
        "router stands for a network you do not own, like a cloud provider's: it knows 192.168.50.0/24 and 192.168.60.0/24 and nothing else.",
        'Press Start to rebuild it, then change only node1 and node2.',
      ],
      run: routerUnchanged({
        ns: 'router',
        addresses: {eth0: '192.168.50.1/24', eth1: '192.168.60.1/24'},
        forbidden: {
          cidr: '10.244.0.0/16',
          why: "In a real cluster the nodes' network belongs to someone else (a cloud, another team) and never learns the Pod CIDRs.",
        },
      }),
    },
    ...[
      [NODE1, NODE2],
      [NODE2, NODE1],
    ].map(([n, peer]) => ({
      id: `${n.node}-vtep`,
      title: `${n.node} has a VXLAN device with VNI ${VNI}, up`,
      hints: [
        `\`ip -n ${n.node} -d link show type vxlan\` shows VXLAN devices with their \`id\` (the VNI) and \`dstport\`.`,
        `\`ip -n ${n.node} link add flannel.1 type vxlan id ${VNI} dstport ${PORT} local ${n.underlay} dev eth0 nolearning\`, then an address and \`up\`.`,
      ],
      run: overlayVtep(n, peer, VNI),
    })),
    {
      id: 'pod-a-to-pod-b',
      title: 'pod-a pings pod-b (10.244.2.2)',
      dependsOn: ['node1-vtep', 'node2-vtep'],
      hints: [
        'Follow the packet on node1: `ip -n node1 route get 10.244.2.2`, then the neighbour of the next hop (`ip -n node1 neigh show dev flannel.1`), then which VTEP has that MAC (`bridge -n node1 fdb show dev flannel.1`).',
        'The reply needs the same three entries on node2, pointing at node1.',
      ],
      run: podPing('a-to-b', NODE1, NODE2),
    },
    {
      id: 'pod-b-to-pod-a',
      title: 'pod-b pings pod-a (10.244.1.2)',
      dependsOn: ['node1-vtep', 'node2-vtep'],
      hints: ['`ip -n node2 route get 10.244.1.2`, and the neighbour and FDB entries behind it.'],
      run: podPing('b-to-a', NODE2, NODE1),
    },
    {
      id: 'no-nat',
      title: "Each Pod sees the other's own address: no NAT between Pods",
      dependsOn: ['pod-a-to-pod-b', 'pod-b-to-pod-a'],
      hints: [
        'Listen in pod-b (`ip netns exec pod-b socat -u UDP4-RECVFROM:4000 -`) and send from pod-a: which source address arrives?',
        '`ip netns exec node1 iptables -t nat -S POSTROUTING` lists source NAT rules; Pod-to-Pod traffic must not match any.',
      ],
      run: (q) => {
        const there = podSource('seen-by-b', NODE1, NODE2)(q);
        return there.ok ? podSource('seen-by-a', NODE2, NODE1)(q) : there;
      },
    },
    {
      id: 'tunnel-capture',
      title: "pod-a's ping crosses the router inside VXLAN: UDP 8472, VNI 1, 192.168.50.11 → 192.168.60.12",
      dependsOn: ['pod-a-to-pod-b'],
      hints: [
        'Watch it yourself: `ip netns exec router tcpdump -n -i eth1 udp` while pod-a pings pod-b.',
        'The port is the one both VXLAN devices were created with (`dstport`); it cannot be changed afterwards.',
      ],
      run: overlayCapture('a-to-b', NODE1, NODE2, VNI, PORT),
    },
  ],
});
