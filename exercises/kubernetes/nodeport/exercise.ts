import {defineExercise, fail, pass} from '../../../graders/exercise';
import {crossNodeSnatCheck, fetchCheck, nodePortProbes, type NodePortService} from '../../../graders/nodeport';

const EXT = '192.168.50.100';

const WEB: NodePortService = {
  name: 'web',
  client: {name: 'ext', ip: EXT},
  nodePort: 30080,
  nodes: [
    {name: 'node1', ip: '192.168.50.11', dev: 'eth0'},
    {name: 'node2', ip: '192.168.50.12', dev: 'eth0'},
  ],
  endpoints: [
    {pod: 'pod-a', ip: '10.244.1.2', port: 8080, node: 'node1'},
    {pod: 'pod-b', ip: '10.244.2.2', port: 8080, node: 'node2'},
  ],
  count: 8,
};

export default defineExercise({
  id: 'kubernetes/nodeport',
  title: 'NodePort 30080 on both nodes',
  libs: ['k8s'],
  // The Service's rules (iptables, nft or IPVS) live in the nodes.
  deepNamespaces: ['node1', 'node2'],
  probes: nodePortProbes(WEB),
  hints: [
    "A NodePort is a DNAT on every node: connections to port 30080 of any of the node's addresses go to one of the endpoints, 10.244.1.2:8080 or 10.244.2.2:8080.",
    'Follow a connection that node1 sends to pod-b on node2: where does pod-b send its answer, and does it pass node1 again to be translated back?',
  ],
  checks: [
    {
      id: 'ext-outside',
      title: 'ext stays outside the cluster: 192.168.50.100 with no route to the Pods',
      hints: [
        'ext plays a client on the LAN that knows nothing of Pod addresses. Start the lab again if you changed it.',
      ],
      run: (q) => {
        if (!q.findAddress(EXT, 'ext')) return fail(`ext no longer has ${EXT} (start the lab again).`);
        const r = q.routeLookup('10.244.2.2', 'ext') ?? q.routeLookup('10.244.1.2', 'ext');
        if (r) return fail(`ext has a route to the Pods (${r.dst}); a client outside the cluster has none. Remove it.`);
        return pass();
      },
    },
    {
      id: 'cross-node-snat',
      title: "Connections a node hands to the other node's endpoint are answered back through it",
      dependsOn: ['ext-outside'],
      hints: [
        'Capture on ext (`ip netns exec ext tcpdump -ni eth0 tcp port 30080 or tcp port 8080`) while you curl a node several times: which address answers the connections that hang?',
        "Either masquerade what a node forwards to the other node (`-o eth0 -m conntrack --ctstate DNAT -j MASQUERADE`, or kube-proxy's KUBE-MARK-MASQ), or send each node's NodePort only to its own endpoint (externalTrafficPolicy: Local).",
      ],
      run: (q) => crossNodeSnatCheck(q, WEB),
    },
    {
      id: 'node1-fetch',
      title: 'ext gets the page from 192.168.50.11:30080, every time',
      dependsOn: ['ext-outside'],
      hints: [
        '`ip netns exec ext curl -m 2 http://192.168.50.11:30080/` several times; each answer is pod-a or pod-b.',
        "A DNAT in node1's nat PREROUTING for TCP port 30080 of its own addresses (`-m addrtype --dst-type LOCAL`) to the endpoints' port 8080.",
      ],
      run: (q) => fetchCheck(q, WEB, 'node1'),
    },
    {
      id: 'node2-fetch',
      title: 'ext gets the page from 192.168.50.12:30080, every time',
      dependsOn: ['ext-outside'],
      hints: [
        '`ip netns exec ext curl -m 2 http://192.168.50.12:30080/`: the NodePort must answer on node2 too.',
        'kube-proxy runs on every node and writes the same NodePort rules in each: do the same in node2.',
      ],
      run: (q) => fetchCheck(q, WEB, 'node2'),
    },
  ],
});
