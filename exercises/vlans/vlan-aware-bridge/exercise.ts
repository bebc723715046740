import {probeOk} from '../../../graders/checks';
import {defineExercise, fail, pass, type CheckDef, type CheckFn} from '../../../graders/exercise';
import type {Query} from '../../../graders/query';

const HOSTS = [
  {host: 'h1', vlan: 10},
  {host: 'h2', vlan: 10},
  {host: 'h3', vlan: 20},
  {host: 'h4', vlan: 20},
] as const;

/** Pairs in different VLANs must not reach each other, probed in both directions. */
const CROSS = [
  ['h1', 3],
  ['h1', 4],
  ['h2', 3],
  ['h2', 4],
  ['h3', 1],
  ['h3', 2],
  ['h4', 1],
  ['h4', 2],
] as const;

/**
 * VLANs other than `own` that `port` belongs to and that carry another host's
 * frames (another host port has that PVID). Floods in such a VLAN (broadcasts,
 * unknown unicast) leave through this port as well: the VLANs leak into each
 * other. VLAN 1, where every port starts, carries no host's frames once the
 * PVIDs are set, so membership there is harmless.
 */
const leakingVlans = (q: Query, port: string, own: number): {vlan: number; tagged: boolean; hosts: string[]}[] => {
  const v = q.portVlans(port);
  if (!v) return [];
  const pvidOf = (h: string) => {
    const p = q.attachments(h, 'br0')[0]?.outer.name;
    return p === undefined ? undefined : q.portVlans(p)?.pvid;
  };
  return [...v.untagged.map((id) => ({id, tagged: false})), ...v.tagged.map((id) => ({id, tagged: true}))]
    .filter(({id}) => id !== own)
    .map(({id, tagged}) => ({
      vlan: id,
      tagged,
      hosts: HOSTS.filter((h) => pvidOf(h.host) === id && q.attachments(h.host, 'br0')[0]?.outer.name !== port).map(
        (h) => h.host,
      ),
    }))
    .filter((x) => x.hosts.length > 0);
};

const portCheck =
  (host: string, vlan: number): CheckFn =>
  (q) => {
    const att = q.attachments(host, 'br0')[0];
    if (!att) return fail(`${host} is no longer connected to br0; run the setup again to restore the start state.`);
    const port = att.outer.name;
    const v = q.portVlans(port);
    if (!v) return fail(`\`bridge vlan\` shows nothing for ${port}, ${host}'s port.`);
    const member = v.untagged.includes(vlan) || v.tagged.includes(vlan);
    if (!member)
      return fail(
        `${port} (${host}'s port) is not a member of VLAN ${vlan}; its VLANs: ${[...v.untagged, ...v.tagged].join(', ') || 'none'}.`,
      );
    if (v.pvid !== vlan) {
      return fail(
        `${port} (${host}'s port) has PVID ${v.pvid ?? 'none'}, so untagged frames from ${host} are placed in ${v.pvid ? `VLAN ${v.pvid}` : 'no VLAN and dropped'}; expected PVID ${vlan}.`,
      );
    }
    if (!v.untagged.includes(vlan)) {
      return fail(
        `${port} (${host}'s port) sends VLAN ${vlan} frames tagged, but ${host}'s eth0 expects plain frames; make VLAN ${vlan} egress untagged on it.`,
      );
    }
    const leaks = leakingVlans(q, port, vlan);
    if (leaks.length) {
      const l = leaks[0];
      return fail(
        `${port} (${host}'s port) is also ${l.tagged ? 'a tagged' : 'an untagged'} member of VLAN ${l.vlan}, so VLAN ${l.vlan}'s floods ` +
          `(broadcasts such as ${l.hosts.join(' and ')}'s ARP requests) leave through it to ${host}: the VLANs are not separated. ` +
          `Remove it: \`bridge vlan del dev ${port} vid ${l.vlan}\`.`,
      );
    }
    return pass();
  };

const portChecks: CheckDef[] = HOSTS.map(({host, vlan}) => ({
  id: `${host}-port`,
  title: `${host}'s port is an untagged member of VLAN ${vlan} with PVID ${vlan}, and of no other host's VLAN`,
  hints: [
    'PVID decides which VLAN an untagged incoming frame belongs to; "untagged" makes outgoing frames leave without a tag.',
    `\`bridge vlan add dev veth-${host} vid ${vlan} pvid untagged\``,
  ],
  run: portCheck(host, vlan),
}));

export default defineExercise({
  id: 'vlans/vlan-aware-bridge',
  title: 'Splitting a bridge into VLANs',
  probes: [
    {id: 'h1-h2', kind: 'ping', from: 'h1', to: '10.0.0.2'},
    {id: 'h3-h4', kind: 'ping', from: 'h3', to: '10.0.0.4'},
    ...CROSS.map(([from, n]) => ({id: `${from}-h${n}`, kind: 'ping' as const, from, to: `10.0.0.${n}`})),
  ],
  hints: [
    'Two things are needed: the bridge must look at VLANs at all, and each port needs the right VLAN.',
    '`bridge vlan show` lists, per port, the VLANs it belongs to, which one is the PVID and which leave untagged.',
  ],
  checks: [
    {
      id: 'vlan-filtering',
      title: 'VLAN filtering is on for br0',
      hints: ['It is a bridge option; see `ip -d link show br0`.', '`ip link set br0 type bridge vlan_filtering 1`'],
      run: (q) => {
        const br = q.link('br0');
        if (!br || br.kind !== 'bridge') return fail('br0 is missing; run the setup again to restore the start state.');
        return br.vlanFiltering
          ? pass()
          : fail('br0 has vlan_filtering 0: it ignores all VLAN settings and forwards frames between every port.');
      },
    },
    ...portChecks,
    {
      id: 'same-vlan',
      title: 'h1 reaches h2, and h3 reaches h4',
      dependsOn: ['h1-port', 'h2-port', 'h3-port', 'h4-port'],
      hints: ['Try `ip netns exec h1 ping -c 1 10.0.0.2`; are the ports still up (`bridge link`)?'],
      run: (q) => {
        const a = probeOk(q, 'h1-h2');
        const b = probeOk(q, 'h3-h4');
        if (a && b) return pass();
        return fail(
          [a ? '' : 'h1 got no answer from h2 (10.0.0.2)', b ? '' : 'h3 got no answer from h4 (10.0.0.4)']
            .filter(Boolean)
            .join('; ') + '.',
        );
      },
    },
    {
      id: 'isolation',
      title: 'VLAN 10 (h1, h2) and VLAN 20 (h3, h4) cannot reach each other',
      dependsOn: ['vlan-filtering'],
      hints: [
        'If a host still reaches the other VLAN, look for a port whose PVID is still 1: VLAN 1 is where every port starts.',
        'Isolation is tested both ways (h1 to h3 and h3 to h1); `bridge vlan show` lists every VLAN each port belongs to.',
      ],
      run: (q) => {
        const leaks = CROSS.filter(([from, n]) => probeOk(q, `${from}-h${n}`)).map(
          ([from, n]) => `${from} reached h${n} (10.0.0.${n})`,
        );
        return leaks.length ? fail(`The VLANs are not separated: ${leaks.join(', ')}.`) : pass();
      },
    },
  ],
});
