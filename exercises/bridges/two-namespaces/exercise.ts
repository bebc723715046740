import {defineExercise} from '../../../graders/exercise';
import {
  addressOnAttachment,
  attachedToBridge,
  bridgeIsUp,
  namespacesExist,
  pathIsUp,
  probe,
} from '../../../graders/checks';

export default defineExercise({
  id: 'bridges/two-namespaces',
  title: 'Two namespaces on one bridge',
  probes: [{id: 'red-to-blue', kind: 'ping', from: 'red', to: '10.0.0.2'}],
  hints: [
    'Three kinds of object are involved: network namespaces, veth pairs and a bridge.',
    'A veth pair is a virtual cable: put one end inside the namespace and plug the other end into br0.',
  ],
  checks: [
    {
      id: 'namespaces',
      title: 'Namespaces red and blue exist',
      hints: ['`ip netns add NAME` creates a named network namespace.'],
      run: namespacesExist(['red', 'blue']),
    },
    {
      id: 'bridge',
      title: 'Bridge br0 exists in the root namespace and is up',
      hints: ['`ip link add br0 type bridge` creates the bridge; `ip link set br0 up` turns it on.'],
      run: bridgeIsUp('br0'),
    },
    {
      id: 'red-attached',
      title: 'red is connected to br0 by a veth pair',
      dependsOn: ['namespaces', 'bridge'],
      hints: [
        'Create the pair in the root namespace and move one end: `ip link add veth-red type veth peer name eth0 netns red`.',
        'Plug the root end into the bridge: `ip link set veth-red master br0`.',
      ],
      run: attachedToBridge('red', 'br0'),
    },
    {
      id: 'blue-attached',
      title: 'blue is connected to br0 by a veth pair',
      dependsOn: ['namespaces', 'bridge'],
      hints: ['Do for blue what you did for red: one veth end inside blue, the other a port of br0.'],
      run: attachedToBridge('blue', 'br0'),
    },
    {
      id: 'red-address',
      title: "red's end of the pair has 10.0.0.1/24",
      dependsOn: ['red-attached'],
      hints: ["`ip -n red addr add 10.0.0.1/24 dev eth0` (use your interface name). Don't forget the /24."],
      run: addressOnAttachment('red', 'br0', '10.0.0.1', 24),
    },
    {
      id: 'blue-address',
      title: "blue's end of the pair has 10.0.0.2/24",
      dependsOn: ['blue-attached'],
      hints: [
        '`ip -n blue addr add 10.0.0.2/24 dev eth0`. Without /24 the address gets /32 and blue cannot answer red.',
      ],
      run: addressOnAttachment('blue', 'br0', '10.0.0.2', 24),
    },
    {
      id: 'links-up',
      title: 'Every interface on the path is up',
      dependsOn: ['red-attached', 'blue-attached'],
      hints: [
        'Four veth ends and the bridge must all be up. New interfaces start DOWN.',
        'Inside a namespace: `ip -n red link set eth0 up`; in the root namespace: `ip link set veth-red up`.',
      ],
      run: pathIsUp(['red', 'blue'], 'br0'),
    },
    {
      id: 'ping',
      title: 'red can ping blue at 10.0.0.2',
      dependsOn: ['red-address', 'blue-address', 'links-up'],
      hints: [
        'Try it yourself: `ip netns exec red ping -c 1 10.0.0.2`, and look at `bridge link` for the port states.',
      ],
      run: probe(
        'red-to-blue',
        'A ping from red to 10.0.0.2 got no answer, although the wiring looks right. ' +
          'Check `bridge link`: both ports should be in state forwarding.',
      ),
    },
  ],
});
