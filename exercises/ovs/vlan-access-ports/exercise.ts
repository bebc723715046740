import {probeOk} from '../../../graders/checks';
import {defineExercise, fail, pass, type CheckDef, type CheckFn} from '../../../graders/exercise';
import type {Query} from '../../../graders/query';

const HOSTS = [
  {host: 'red1', n: 1, vlan: 10},
  {host: 'red2', n: 2, vlan: 10},
  {host: 'blue1', n: 3, vlan: 20},
  {host: 'blue2', n: 4, vlan: 20},
] as const;
const portOf = (host: string) => `veth-${host}`;
const PORTS = HOSTS.map((h) => portOf(h.host));

/** Pairs in different VLANs must not reach each other, probed in both directions. */
const CROSS = HOSTS.flatMap((a) => HOSTS.filter((b) => b.vlan !== a.vlan).map((b) => [a, b] as const));

const list = (xs: string[]) => xs.join(', ');

/** Why a host port, if any, carries nothing: DOWN in Linux, OVS could not open it, or it sends its VLAN tagged. */
function portTrouble(q: Query, port: string): string | undefined {
  const err = q.ovsInterface(port)?.error;
  if (err) return `OVS could not use ${port}: ${err}`;
  if (q.ovsPort(port)?.vlanMode === 'native-tagged')
    return `${port} is native-tagged, so its VLAN leaves it tagged and the namespace ignores those frames`;
  const l = q.link(port);
  if (l && !l.up)
    return `${port} is DOWN: \`ovs-vsctl add-port\` does not bring a port up (\`ip link set ${port} up\`)`;
  return undefined;
}

const inOvs: CheckFn = (q) => {
  if (q.state.ovs?.bridges.length === 0 && PORTS.every((p) => q.link(p)?.master === undefined))
    return fail(
      'Open vSwitch has no bridge yet (`ovs-vsctl show` lists none): create one with `ovs-vsctl add-br` and add the four host ends to it.',
    );
  for (const port of PORTS) {
    if (q.ovsPort(port)) continue;
    const l = q.link(port);
    if (!l) return fail(`${port} is gone from the root namespace; run the setup again to restore the start state.`);
    const master = l.master === undefined ? undefined : q.link(l.master);
    if (master?.kind === 'bridge')
      return fail(
        `${port} is a port of the Linux bridge ${master.name}, not of an Open vSwitch bridge, so \`ovs-vsctl show\` does not list it. ` +
          `The pings may work, but this lab is about OVS: \`ip link set ${port} nomaster\`, then \`ovs-vsctl add-port\`.`,
      );
    return fail(`${port} is not a port of any Open vSwitch bridge (\`ovs-vsctl show\` does not list it).`);
  }
  const bridges = new Map<string, string[]>();
  for (const port of PORTS) {
    const br = q.ovsPort(port)?.bridge ?? '?';
    bridges.set(br, [...(bridges.get(br) ?? []), port]);
  }
  if (bridges.size > 1) {
    const where = [...bridges].map(([br, ps]) => `${list(ps)} on ${br}`).join('; ');
    return fail(
      `The ports are on ${bridges.size} OVS bridges (${where}). Separate bridges keep red and blue apart too, but the task is ` +
        'one bridge split by VLANs: put all four ports on one bridge.',
    );
  }
  return pass();
};

const portCheck =
  (host: string, vlan: number): CheckFn =>
  (q) => {
    const port = portOf(host);
    const p = q.ovsPort(port);
    if (!p) return fail(`${port} is not an OVS port.`);
    const other = vlan === 10 ? 20 : 10;
    const mode = p.vlanMode;
    if (p.tag === undefined || mode === 'trunk') {
      return fail(
        `${port} has no ${p.tag === undefined ? 'tag' : 'effect from its tag (vlan_mode=trunk)'}: OVS treats it as a trunk port that ` +
          `carries ${p.trunks.length ? `VLANs ${list(p.trunks.map(String))}` : 'every VLAN'}, and ${host}'s untagged frames travel in ` +
          `VLAN 0 with every other untagged port's. Make it an access port of VLAN ${vlan}: \`ovs-vsctl set port ${port} tag=${vlan}\`.`,
      );
    }
    if (p.tag !== vlan) {
      const peers = HOSTS.filter((h) => h.host !== host && q.ovsPort(portOf(h.host))?.tag === p.tag).map((h) => h.host);
      return fail(
        `${port} has tag ${p.tag}, so ${host} is in VLAN ${p.tag}${peers.length ? ` with ${peers.join(' and ')}` : ''}; ` +
          `${host} belongs in VLAN ${vlan}.`,
      );
    }
    if (mode === 'native-tagged') {
      return fail(
        `${port} has vlan_mode=native-tagged: untagged frames from ${host} enter VLAN ${vlan}, but VLAN ${vlan} leaves the port ` +
          `tagged, and ${host}'s eth0 expects plain frames. Use an access port (\`ovs-vsctl remove port ${port} vlan_mode native-tagged\`).`,
      );
    }
    if (mode === 'native-untagged' && (p.trunks.length === 0 || p.trunks.includes(other))) {
      return fail(
        `${port} is a native-untagged trunk that also carries VLAN ${other} (trunks ${p.trunks.length ? list(p.trunks.map(String)) : 'all'}), ` +
          `so VLAN ${other}'s frames reach ${host} tagged: the VLANs are not separated on this port.`,
      );
    }
    return pass();
  };

const portChecks: CheckDef[] = HOSTS.map(({host, vlan}) => ({
  id: `${host}-port`,
  title: `${portOf(host)} is an access port of VLAN ${vlan}`,
  dependsOn: ['in-ovs'],
  hints: [
    'An access port has a tag: OVS puts untagged frames that arrive on it in that VLAN and strips the tag on the way out.',
    `\`ovs-vsctl set port ${portOf(host)} tag=${vlan}\`, or give the tag when adding the port.`,
  ],
  run: portCheck(host, vlan),
}));

export default defineExercise({
  id: 'ovs/vlan-access-ports',
  title: 'VLAN access ports on Open vSwitch',
  probes: [
    {id: 'red1-red2', kind: 'ping', from: 'red1', to: '10.0.0.2'},
    {id: 'blue1-blue2', kind: 'ping', from: 'blue1', to: '10.0.0.4'},
    ...CROSS.map(([a, b]) => ({id: `${a.host}-${b.host}`, kind: 'ping' as const, from: a.host, to: `10.0.0.${b.n}`})),
  ],
  hints: [
    'One OVS bridge, four ports, and a VLAN tag on each port; then check that the host ends are up.',
    "`ovs-vsctl show` lists bridges, their ports and each port's tag.",
  ],
  checks: [
    {
      id: 'ovs-running',
      title: 'Open vSwitch is running',
      hints: ['The setup starts it; `ovs-vsctl show` answers when ovsdb-server runs.', 'Run the setup again.'],
      run: (q) =>
        q.ovsRunning()
          ? pass()
          : fail(
              'Open vSwitch is not running: there is no ovsdb-server socket (/var/run/openvswitch/db.sock). ' +
                'Start it with `/usr/share/openvswitch/scripts/ovs-ctl start`, or run the setup again.',
            ),
    },
    {
      id: 'in-ovs',
      title: 'veth-red1, veth-red2, veth-blue1 and veth-blue2 are ports of one Open vSwitch bridge',
      dependsOn: ['ovs-running'],
      hints: [
        'Create a bridge with `ovs-vsctl add-br`, then add each host end as a port.',
        '`ovs-vsctl add-br ovsbr0`, then `ovs-vsctl add-port ovsbr0 veth-red1 ...`',
      ],
      run: inOvs,
    },
    {
      id: 'same-vlan',
      title: 'red1 reaches red2, and blue1 reaches blue2',
      dependsOn: ['in-ovs'],
      hints: [
        'Are the host ends up? `ip -br link` shows veth-red1 ... as DOWN until you bring them up.',
        "Compare the two ports' tags in `ovs-vsctl show`.",
      ],
      run: (q) => {
        const pairs = [
          ['red1-red2', 'red1', 'red2', '10.0.0.2'],
          ['blue1-blue2', 'blue1', 'blue2', '10.0.0.4'],
        ] as const;
        const failed = pairs.filter(([id]) => !probeOk(q, id));
        if (failed.length === 0) return pass();
        const why = failed.map(([, a, b, ip]) => {
          const causes = [a, b].map((h) => portTrouble(q, portOf(h))).filter((x): x is string => x !== undefined);
          const ta = q.ovsPort(portOf(a))?.tag;
          const tb = q.ovsPort(portOf(b))?.tag;
          if (ta !== tb) causes.push(`${portOf(a)} has tag ${ta ?? 'none'} but ${portOf(b)} has tag ${tb ?? 'none'}`);
          return `${a} got no answer from ${b} (${ip})${causes.length ? `: ${causes.join('; ')}` : ''}`;
        });
        return fail(`${why.join('. ')}.`);
      },
    },
    {
      id: 'isolation',
      title: 'red (VLAN 10) and blue (VLAN 20) cannot reach each other',
      dependsOn: ['in-ovs'],
      hints: [
        'A port without a tag carries every VLAN; `ovs-vsctl show` prints `tag: 10` under each port that has one.',
        'Isolation is tested both ways, from every red host to every blue host and back.',
      ],
      run: (q) => {
        const leaks = CROSS.filter(([a, b]) => probeOk(q, `${a.host}-${b.host}`)).map(
          ([a, b]) => `${a.host} reached ${b.host} (10.0.0.${b.n})`,
        );
        if (leaks.length === 0) return pass();
        const untagged = PORTS.filter((p) => q.ovsPort(p)?.tag === undefined);
        return fail(
          `Red and blue are not separated: ${list(leaks)}.` +
            (untagged.length ? ` ${list(untagged)} ${untagged.length > 1 ? 'have' : 'has'} no tag.` : ''),
        );
      },
    },
    ...portChecks,
  ],
});
