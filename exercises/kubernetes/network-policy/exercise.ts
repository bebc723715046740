import {defineExercise, fail, pass} from '../../../graders/exercise';
import {allowedCheck, deniedCheck, flowProbe, type AllowedContext, type Flow} from '../../../graders/policy-net';

const B = '10.244.2.2';
const A_8080: Flow = {probe: 'a-to-b-8080', from: 'pod-a', to: B, toName: 'pod-b', port: 8080, body: 'pod-b'};
const C_8080: Flow = {probe: 'c-to-b-8080', from: 'pod-c', to: B, toName: 'pod-b', port: 8080, body: 'pod-b'};
const A_9090: Flow = {probe: 'a-to-b-9090', from: 'pod-a', to: B, toName: 'pod-b', port: 9090, body: 'pod-b'};
const NODE1: Flow = {probe: 'node1-to-b-8080', from: 'node1', to: B, toName: 'pod-b', port: 8080, body: 'pod-b'};
// pod-b's own connection out: its replies are ingress to pod-b too.
const B_OUT: Flow = {probe: 'b-to-c-9090', from: 'pod-b', to: '10.244.1.3', toName: 'pod-c', port: 9090, body: 'pod-c'};

const CTX: AllowedContext = {
  namespaces: ['node1', 'node2', 'pod-b'],
  lookalikes: [
    {ip: '192.168.50.11', what: "node1's address"},
    {ip: '192.168.50.12', what: "node2's address"},
  ],
};

export default defineExercise({
  id: 'kubernetes/network-policy',
  title: 'An ingress policy for pod-b',
  libs: ['k8s'],
  // Where a policy may be enforced: the nodes' forward hooks or pod-b's own input hook.
  deepNamespaces: ['node1', 'node2', 'pod-b'],
  probes: [A_8080, C_8080, A_9090, NODE1, B_OUT].map(flowProbe),
  hints: [
    'An ingress policy: pod-b accepts TCP 8080 from 10.244.1.2, replies to its own connections, and nothing else.',
    'Enforce it where every packet to pod-b passes: on node2, for what is forwarded to 10.244.2.2, or inside pod-b.',
  ],
  checks: [
    {
      id: 'pods-intact',
      title: 'pod-a, pod-b and pod-c keep their addresses',
      hints: ['The task is about filtering; start the lab again if a Pod lost its address.'],
      run: (q) => {
        const lost = [
          ['pod-a', '10.244.1.2'],
          ['pod-b', B],
          ['pod-c', '10.244.1.3'],
        ].filter(([ns, ip]) => !q.findAddress(ip, ns));
        return lost.length
          ? fail(`${lost.map(([ns, ip]) => `${ns} lost ${ip}`).join(', ')}: start the lab again.`)
          : pass();
      },
    },
    {
      id: 'a-allowed',
      title: 'pod-a (10.244.1.2) gets the page from pod-b:8080',
      dependsOn: ['pods-intact'],
      hints: [
        'Which source address does pod-b see for pod-a? `ip netns exec node2 tcpdump -ni eth0 tcp port 8080`.',
        'There is no NAT between Pods: allow 10.244.1.2 to TCP port 8080, before any drop.',
      ],
      run: (q) =>
        allowedCheck(
          q,
          A_8080,
          "pod-a's packets keep their Pod address 10.244.1.2 (no NAT between Pods), and the policy allows TCP 8080, the port pod-b listens on.",
          CTX,
        ),
    },
    {
      id: 'c-denied',
      title: 'pod-c (10.244.1.3) cannot connect to pod-b:8080',
      dependsOn: ['pods-intact'],
      hints: ['Once a policy selects pod-b, every ingress it does not allow is dropped: pod-c is not in the policy.'],
      run: (q) => deniedCheck(q, C_8080, 'only pod-a may connect. Drop what the policy does not allow.'),
    },
    {
      id: 'other-port-denied',
      title: 'pod-a cannot connect to pod-b:9090',
      dependsOn: ['pods-intact'],
      hints: ['The policy allows one port. pod-b also serves 9090; that must stay closed, even to pod-a.'],
      run: (q) => deniedCheck(q, A_9090, 'the policy allows port 8080 only; match the port as well as the source.'),
    },
    {
      id: 'node1-denied',
      title: 'node1 (another node) cannot connect to pod-b:8080',
      dependsOn: ['pods-intact'],
      hints: [
        'Rules on node1 only see what passes node1. Where does every packet to pod-b pass, whoever sends it?',
        'Enforce on node2 (forward hook, toward 10.244.2.2) or in pod-b itself (input hook).',
      ],
      run: (q) =>
        deniedCheck(
          q,
          NODE1,
          "a policy protects pod-b from every source but the allowed one, so it is enforced where all of pod-b's traffic passes: node2 or pod-b itself, not the senders' node.",
        ),
    },
    {
      id: 'b-outgoing',
      title: "pod-b's own connection to pod-c:9090 still works",
      dependsOn: ['pods-intact'],
      hints: [
        "The replies to pod-b's own connections arrive at pod-b like any ingress. A policy implies them: conntrack knows which packets are replies.",
        'Accept ESTABLISHED,RELATED (`-m conntrack --ctstate ESTABLISHED,RELATED`, nft `ct state established,related`) before the drop.',
      ],
      run: (q) =>
        allowedCheck(
          q,
          B_OUT,
          "the replies from pod-c come back to pod-b and must pass: accept conntrack's ESTABLISHED,RELATED before dropping.",
          {...CTX, lookalikes: []},
        ),
    },
  ],
});
