import {defineExercise, fail, pass, type CheckDef, type CheckFn} from '../../../graders/exercise';
import {floodsTo, tunnelledPing, vtep} from '../../../graders/vxlan';

const VNI = 42;
const PORT = 4789;
const HOSTS = [
  {ns: 'host1', peer: 'host2', underlay: '192.168.100.1', peerUnderlay: '192.168.100.2', overlay: '10.42.0.1'},
  {ns: 'host2', peer: 'host1', underlay: '192.168.100.2', peerUnderlay: '192.168.100.1', overlay: '10.42.0.2'},
] as const;

/** The overlay address sits on a VXLAN device, not on the underlay's eth0. */
const overlayAddress =
  (ns: string, ip: string): CheckFn =>
  (q) => {
    const a = q.findAddress(ip, ns);
    if (!a) return fail(`${ns} has no address ${ip} (\`ip -n ${ns} addr\`).`);
    if (a.link.kind !== 'vxlan') {
      return fail(
        `${ip} is on ${ns}'s ${a.link.name}, a ${a.link.kind ?? 'plain'} interface, not on a VXLAN device: ` +
          'packets to it would cross the underlay as they are, not inside the tunnel.',
      );
    }
    if (a.address.prefixlen !== 24)
      return fail(`${ip} on ${a.link.name} is /${a.address.prefixlen}; the task says /24.`);
    return pass();
  };

const hostChecks: CheckDef[] = HOSTS.flatMap((h) => [
  {
    id: `${h.ns}-vtep`,
    title: `${h.ns} has a VXLAN device with VNI ${VNI} on UDP port ${PORT}, up`,
    hints: [
      'A VXLAN device is a link of type vxlan; `ip -d link show` prints its VNI (`id`) and `dstport`.',
      `\`ip -n ${h.ns} link add vxlan0 type vxlan id ${VNI} dstport ${PORT} dev eth0\`, then set it up.`,
    ],
    run: vtep(h.ns, VNI, PORT, h.peer),
  },
  {
    id: `${h.ns}-floods`,
    title: `${h.ns}'s VXLAN device knows the other VTEP, ${h.peerUnderlay}`,
    dependsOn: [`${h.ns}-vtep`],
    hints: [
      'A VTEP must know where to send a frame it has no entry for, such as an ARP request.',
      `\`remote ${h.peerUnderlay}\` when creating the device, or \`bridge -n ${h.ns} fdb append 00:00:00:00:00:00 dev vxlan0 dst ${h.peerUnderlay}\`.`,
    ],
    run: floodsTo(h.ns, h.peerUnderlay, h.underlay, VNI, PORT),
  },
  {
    id: `${h.ns}-overlay`,
    title: `${h.ns} has ${h.overlay}/24 on its VXLAN device`,
    hints: [`\`ip -n ${h.ns} addr add ${h.overlay}/24 dev vxlan0\``],
    run: overlayAddress(h.ns, h.overlay),
  },
]);

export default defineExercise({
  id: 'vxlan/point-to-point',
  title: 'A point-to-point VXLAN tunnel',
  probes: [{id: 'tunnel', kind: 'ping', from: 'host1', to: '10.42.0.2', capture: {dev: 'underlay'}}],
  hints: [
    'Each host needs its own VXLAN device (a VTEP): same VNI, same UDP port, and the other host as the peer.',
    'The grader captures on `underlay` while host1 pings 10.42.0.2: `tcpdump -ni underlay udp port 4789` shows the same.',
  ],
  checks: [
    ...hostChecks,
    {
      id: 'tunnel',
      title: 'host1 pings 10.42.0.2 through the tunnel: UDP 4789, VNI 42 on the underlay',
      hints: [
        'Run `tcpdump -ni underlay` in the root namespace while host1 pings: what crosses, and on which port?',
        'A ping that works without UDP 4789 on the underlay did not use the tunnel.',
      ],
      run: tunnelledPing('tunnel', {from: 'host1', to: '10.42.0.2', dev: 'underlay', vni: VNI, port: PORT}),
    },
  ],
});
