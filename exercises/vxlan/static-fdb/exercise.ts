import {defineExercise, fail, pass, type CheckDef, type CheckFn} from '../../../graders/exercise';
import type {Query} from '../../../graders/query';
import {floodTargets, tunnelledPing, vtep, vtepOf, ZERO_MAC} from '../../../graders/vxlan';

const VNI = 42;
const PORT = 4789;
const HOSTS = [
  {ns: 'host1', peer: 'host2', underlay: '192.168.100.1', peerUnderlay: '192.168.100.2', peerOverlay: '10.42.0.2'},
  {ns: 'host2', peer: 'host1', underlay: '192.168.100.2', peerUnderlay: '192.168.100.1', peerOverlay: '10.42.0.1'},
] as const;
type Host = (typeof HOSTS)[number];

const sameMac = (a?: string, b?: string) => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/** The host's VXLAN device, the peer's MAC, and whether an all-zero entry floods to the peer. */
function context(q: Query, h: Host) {
  const dev = vtepOf(q, h.ns, VNI);
  const peerMac = vtepOf(q, h.peer, VNI)?.mac;
  const floods = dev ? floodTargets(q, h.ns, dev).includes(h.peerUnderlay) : false;
  return {dev, peerMac, floods};
}

/** VNI 42 on 4789, up, and still not learning. */
const nonLearningVtep =
  (h: Host): CheckFn =>
  (q) => {
    const base = vtep(h.ns, VNI, PORT, h.peer)(q);
    if (!base.ok) return base;
    const l = vtepOf(q, h.ns, VNI);
    if (l?.vxlan?.learning) {
      return fail(
        `${h.ns}'s ${l.name} learns again (\`learning\`): the task is to run it as Flannel does, with \`nolearning\` ` +
          'and every entry written by hand. `ip link set vxlan0 type vxlan nolearning` turns it off.',
      );
    }
    return pass();
  };

/** Frames for the peer's MAC leave towards the peer's VTEP: a per-MAC entry, or the all-zero one. */
const fdbCheck =
  (h: Host): CheckFn =>
  (q) => {
    const {dev, peerMac, floods} = context(q, h);
    if (!dev) return fail(`${h.ns} has no VXLAN device; press Start to rebuild the start state.`);
    const entries = q.ns(h.ns)?.fdb.filter((e) => e.ifname === dev.name && e.dst !== undefined) ?? [];
    const forPeer = entries.find((e) => sameMac(e.mac, peerMac));
    if (forPeer && forPeer.dst !== h.peerUnderlay) {
      const own = forPeer.dst === h.underlay ? `, ${h.ns}'s own underlay address` : '';
      return fail(
        `${h.ns}'s ${dev.name} sends frames for ${peerMac} (${h.peer}'s vxlan0) to ${forPeer.dst}${own}; ` +
          `${h.peer}'s VTEP is ${h.peerUnderlay}.`,
      );
    }
    if (forPeer || floods) return pass();
    const others = entries.filter((e) => e.mac !== ZERO_MAC).map((e) => `${e.mac} → ${e.dst}`);
    return fail(
      `${h.ns}'s ${dev.name} has no FDB entry for ${h.peer}'s MAC ${peerMac ?? '(unknown)'} and no all-zero entry` +
        (others.length ? ` (it has ${others.join(', ')})` : '') +
        `: a frame to that MAC gets no outer destination and is dropped. With learning off nothing adds one for you: ` +
        `\`bridge -n ${h.ns} fdb append ${peerMac ?? 'MAC'} dev ${dev.name} dst ${h.peerUnderlay}\`.`,
    );
  };

/** The peer's overlay address resolves to the peer's MAC: a static neighbour, or ARP through an all-zero entry. */
const neighCheck =
  (h: Host): CheckFn =>
  (q) => {
    const {dev, peerMac, floods} = context(q, h);
    if (!dev) return fail(`${h.ns} has no VXLAN device; press Start to rebuild the start state.`);
    const n = q.ns(h.ns)?.neighbours.find((x) => x.dst === h.peerOverlay && x.dev === dev.name && x.lladdr);
    if (n && !sameMac(n.lladdr, peerMac)) {
      const whose = sameMac(n.lladdr, dev.mac)
        ? `${h.ns}'s own ${dev.name} MAC`
        : `not ${h.peer}'s vxlan0 (${peerMac})`;
      return fail(`${h.ns}'s neighbour entry says ${h.peerOverlay} is at ${n.lladdr}, which is ${whose}.`);
    }
    if (n || floods) return pass();
    return fail(
      `${h.ns} has no neighbour entry for ${h.peerOverlay}, and its ${dev.name} has no all-zero FDB entry: ` +
        `the ARP request for ${h.peerOverlay} is a broadcast that no FDB entry matches, so it never leaves. ` +
        `Flannel writes the entry itself: \`ip -n ${h.ns} neigh replace ${h.peerOverlay} lladdr ${peerMac ?? 'MAC'} dev ${dev.name} nud permanent\`.`,
    );
  };

const hostChecks: CheckDef[] = HOSTS.flatMap((h) => [
  {
    id: `${h.ns}-vtep`,
    title: `${h.ns}'s vxlan0 still has VNI ${VNI}, port ${PORT} and learning off`,
    hints: ['`ip -n HOST -d link show vxlan0` shows `nolearning` when learning is off.'],
    run: nonLearningVtep(h),
  },
  {
    id: `${h.ns}-fdb`,
    title: `${h.ns}'s vxlan0 sends frames for ${h.peer}'s MAC to ${h.peerUnderlay}`,
    dependsOn: [`${h.ns}-vtep`],
    hints: [
      `Which MAC does ${h.peer}'s vxlan0 have (\`ip -n ${h.peer} link show vxlan0\`)? The FDB maps it to a VTEP.`,
      `\`bridge -n ${h.ns} fdb append MAC dev vxlan0 dst ${h.peerUnderlay}\``,
    ],
    run: fdbCheck(h),
  },
  {
    id: `${h.ns}-neigh`,
    title: `${h.ns} knows ${h.peerOverlay}'s MAC (a neighbour entry), or can ARP for it`,
    dependsOn: [`${h.ns}-vtep`],
    hints: [
      'Before any frame leaves, the IP layer needs the MAC of the destination: ARP, or an entry you write.',
      `\`ip -n ${h.ns} neigh replace ${h.peerOverlay} lladdr MAC dev vxlan0 nud permanent\``,
    ],
    run: neighCheck(h),
  },
]);

export default defineExercise({
  id: 'vxlan/static-fdb',
  title: 'VXLAN without learning: the FDB by hand',
  probes: [{id: 'tunnel', kind: 'ping', from: 'host1', to: '10.42.0.2', capture: {dev: 'underlay'}}],
  hints: [
    'Two tables per host: the neighbour table (overlay IP → MAC) and the VXLAN FDB (MAC → remote VTEP).',
    '`ip -n host1 neigh show dev vxlan0` and `bridge -n host1 fdb show dev vxlan0` show both.',
  ],
  checks: [
    ...hostChecks,
    {
      id: 'tunnel',
      title: 'host1 pings 10.42.0.2 through the tunnel: UDP 4789, VNI 42 on the underlay',
      hints: ['The reply needs host2 to be configured too: its own FDB and neighbour entries for host1.'],
      run: tunnelledPing('tunnel', {from: 'host1', to: '10.42.0.2', dev: 'underlay', vni: VNI, port: PORT}),
    },
  ],
});
