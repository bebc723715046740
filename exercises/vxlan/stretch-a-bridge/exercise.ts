import {defineExercise, fail, pass, type CheckDef, type CheckFn} from '../../../graders/exercise';
import {floodsTo, tunnelledPing, vtep, vtepOf} from '../../../graders/vxlan';

const VNI = 42;
const PORT = 4789;
const HOSTS = [
  {ns: 'host1', peer: 'host2', underlay: '192.168.100.1', peerUnderlay: '192.168.100.2', vm: 'vm1'},
  {ns: 'host2', peer: 'host1', underlay: '192.168.100.2', peerUnderlay: '192.168.100.1', vm: 'vm2'},
] as const;

/** The VXLAN device is a port of the host's br0, next to the VM's veth. */
const bridged =
  (ns: string, vm: string): CheckFn =>
  (q) => {
    const l = vtepOf(q, ns, VNI);
    if (!l) return fail(`${ns} has no VXLAN device yet.`);
    if (l.master === 'br0') return pass();
    return fail(
      `${ns}'s ${l.name} is ${l.master ? `a port of ${l.master}` : 'not a port of any bridge'}, so br0 never ` +
        `hands it ${vm}'s frames: \`ip -n ${ns} link set ${l.name} master br0\`.`,
    );
  };

const hostChecks: CheckDef[] = HOSTS.flatMap((h) => [
  {
    id: `${h.ns}-vtep`,
    title: `${h.ns} has a VXLAN device with VNI ${VNI} on UDP port ${PORT}, up`,
    hints: [
      '`ip -d link show type vxlan` prints each VXLAN device with its VNI (`id`) and `dstport`.',
      `\`ip -n ${h.ns} link add vxlan0 type vxlan id ${VNI} dstport ${PORT} remote ${h.peerUnderlay} dev eth0\``,
    ],
    run: vtep(h.ns, VNI, PORT, h.peer),
  },
  {
    id: `${h.ns}-port`,
    title: `${h.ns}'s VXLAN device is a port of br0`,
    dependsOn: [`${h.ns}-vtep`],
    hints: ['A VXLAN device joins a bridge like a veth does.', `\`ip -n ${h.ns} link set vxlan0 master br0\``],
    run: bridged(h.ns, h.vm),
  },
  {
    id: `${h.ns}-floods`,
    title: `${h.ns}'s VXLAN device knows the other VTEP, ${h.peerUnderlay}`,
    dependsOn: [`${h.ns}-vtep`],
    hints: [
      'Broadcasts from the VM (its ARP requests) must go somewhere: `remote`, a group, or an all-zero FDB entry.',
      `\`bridge -n ${h.ns} fdb append 00:00:00:00:00:00 dev vxlan0 dst ${h.peerUnderlay}\``,
    ],
    run: floodsTo(h.ns, h.peerUnderlay, h.underlay, VNI, PORT),
  },
]);

export default defineExercise({
  id: 'vxlan/stretch-a-bridge',
  title: 'Stretching a bridge across hosts',
  probes: [{id: 'tunnel', kind: 'ping', from: 'vm1', to: '10.10.0.2', capture: {dev: 'underlay'}}],
  hints: [
    'The VMs and their bridges stay as they are: only a VXLAN port on each br0 is missing.',
    '`bridge -n host1 fdb show br br0` and `bridge -n host1 fdb show dev vxlan0` show what each side has learned.',
  ],
  checks: [
    ...hostChecks,
    {
      id: 'tunnel',
      title: 'vm1 pings vm2 (10.10.0.2) through the tunnel: UDP 4789, VNI 42 on the underlay',
      hints: [
        'Capture on `underlay` in the root namespace while vm1 pings: `tcpdump -ni underlay`.',
        'No answer? Check each side: device up, port of br0, VNI and port equal, peer address right.',
      ],
      run: tunnelledPing('tunnel', {from: 'vm1', to: '10.10.0.2', dev: 'underlay', vni: VNI, port: PORT}),
    },
  ],
});
