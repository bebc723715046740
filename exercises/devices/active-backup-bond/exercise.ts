import {probeOk} from '../../../graders/checks';
import {defineExercise, fail, pass, type CheckFn} from '../../../graders/exercise';
import type {Link} from '../../../graders/model';
import type {Query} from '../../../graders/query';

const NS = 'server';
const NICS = ['eth0', 'eth1'] as const;

/** The bond both NICs belong to, when they belong to the same one. */
const bondOf = (q: Query): Link | undefined => {
  const masters = NICS.map((n) => q.link(n, NS)?.master);
  const m = masters[0] !== undefined && masters[0] === masters[1] ? q.link(masters[0], NS) : undefined;
  return m?.kind === 'bond' ? m : undefined;
};

/** bondOf for checks that depend on bond-slaves: it passed, so the bond exists. */
const theBond = (q: Query): Link => {
  const b = bondOf(q);
  if (!b?.bond) throw new Error('the bond vanished between checks');
  return b;
};

const slavesCheck: CheckFn = (q) => {
  if (!q.linksOfKind('bond', NS).length)
    return fail(`${NS} has no bond device yet: create bond0, then make eth0 and eth1 its slaves.`);
  for (const n of NICS) {
    const l = q.link(n, NS);
    if (!l) return fail(`${n} is gone from ${NS}; run the setup again to restore the start state.`);
    if (l.master === undefined)
      return fail(
        `${n} is in no bond. Both NICs must be slaves of one bond, or a failed cable takes the server down.` +
          (n === 'eth0'
            ? ' eth0 is the NIC with the unplugged cable, but the bond needs it for the day eth1 fails.'
            : ''),
      );
    const m = q.link(l.master, NS);
    if (m?.kind !== 'bond')
      return fail(`${n}'s master is ${l.master}, ${m?.kind ?? 'not a known device'}, not a bond.`);
  }
  const [a, b] = NICS.map((n) => q.link(n, NS)?.master);
  if (a !== b) return fail(`eth0 is a slave of ${a} and eth1 of ${b}; both must be slaves of the same bond.`);
  return pass();
};

const modeCheck: CheckFn = (q) => {
  const b = theBond(q);
  const mode = b.bond?.mode;
  if (mode === 'active-backup') return pass();
  return fail(
    `${b.name} is in ${mode} mode. The task asks for active-backup: one slave carries all traffic and the other ` +
      'waits, which works with any switch; balance and 802.3ad modes spread traffic over both slaves and need the switch to know.',
  );
};

const monitorCheck: CheckFn = (q) => {
  const b = theBond(q);
  const bond = b.bond;
  if (!bond) return fail(`\`ip -d link show ${b.name}\` shows no bond details.`);
  if (bond.miimon > 0) return pass();
  if (bond.arpInterval > 0 && bond.arpIpTargets.length) return pass();
  if (bond.arpInterval > 0)
    return fail(
      `${b.name} has arp_interval ${bond.arpInterval} but no arp_ip_target, so its ARP monitor has nobody to ask.`,
    );
  return fail(
    `${b.name} has miimon 0 and arp_interval 0: it never checks its slaves' links, assumes both are up` +
      (bond.activeSlave ? ` and keeps sending through ${bond.activeSlave}` : '') +
      (bond.activeSlave === 'eth0' ? ', whose cable is unplugged' : '') +
      '. Set miimon (e.g. 100 ms) so it notices a dead cable.',
  );
};

const addressCheck: CheckFn = (q) => {
  const b = theBond(q);
  const at = q.findAddress('10.30.0.1', NS);
  if (!at) return fail(`${NS} has no 10.30.0.1; put 10.30.0.1/24 on ${b.name}.`);
  if (at.link.name !== b.name)
    return fail(
      `10.30.0.1 is on ${at.link.name}, not on ${b.name}. A slave hands every frame it receives to its bond, so an address on a slave is never answered; the address belongs on the bond.`,
    );
  if (at.address.prefixlen !== 24) return fail(`10.30.0.1 on ${b.name} has prefix /${at.address.prefixlen}; use /24.`);
  if (!b.up) return fail(`${b.name} is DOWN: \`ip -n ${NS} link set ${b.name} up\`.`);
  return pass();
};

/** Carrier on a server NIC: its cable (the veth to the switch port) is plugged in. */
const carrier = (q: Query, nic: string) => q.link(nic, NS)?.flags.includes('LOWER_UP') ?? false;

const failoverCheck: CheckFn = (q) => {
  const b = theBond(q);
  const active = b.bond?.activeSlave;
  if (active !== undefined && carrier(q, active)) return pass();
  if (active !== undefined)
    return fail(
      `${b.name}'s active slave is ${active}, which has no carrier (its cable is unplugged), so nothing gets through. ` +
        'With link monitoring on, the bond marks it down and switches to the other slave; is `primary` set to it?',
    );
  const dead = NICS.filter((n) => !carrier(q, n));
  return fail(
    `${b.name} has no active slave.` +
      (dead.length === NICS.length ? ' Neither NIC has carrier: is sw-eth1, a switch port, still up?' : ''),
  );
};

export default defineExercise({
  id: 'devices/active-backup-bond',
  title: 'An active-backup bond that survives a dead cable',
  probes: [
    {id: 'server-client', kind: 'ping', from: NS, to: '10.30.0.2'},
    {id: 'client-server', kind: 'ping', from: 'client', to: '10.30.0.1'},
  ],
  hints: [
    'A bond is a device of its own; the NICs become its slaves and the address goes on the bond.',
    '`cat /proc/net/bonding/bond0` (inside the namespace: `ip netns exec server cat ...`) shows the mode, the monitor and which slave is active.',
  ],
  checks: [
    {
      id: 'bond-slaves',
      title: 'eth0 and eth1 are both slaves of one bond in server',
      hints: [
        'A device must be DOWN before it can be enslaved.',
        '`ip -n server link set eth0 master bond0`, and the same for eth1.',
      ],
      run: slavesCheck,
    },
    {
      id: 'bond-mode',
      title: 'The bond is in active-backup mode',
      dependsOn: ['bond-slaves'],
      hints: [
        'The mode is chosen when the bond is created (`ip link add bond0 type bond mode ...`) and cannot change while it has slaves.',
      ],
      run: modeCheck,
    },
    {
      id: 'link-monitor',
      title: 'The bond watches its links (miimon, or ARP monitoring)',
      dependsOn: ['bond-slaves'],
      hints: [
        '`ip -d link show bond0` prints `miimon` and `arp_interval`; 0 means off.',
        '`ip -n server link set bond0 type bond miimon 100`',
      ],
      run: monitorCheck,
    },
    {
      id: 'address',
      title: 'The bond has 10.30.0.1/24 and is up',
      dependsOn: ['bond-slaves'],
      hints: ['The slaves carry no address of their own once they are in a bond.'],
      run: addressCheck,
    },
    {
      id: 'failover',
      title: 'The bond carries traffic through a NIC whose cable works (eth1 in the start state)',
      dependsOn: ['bond-mode', 'link-monitor'],
      hints: [
        '`ip netns exec server cat /proc/net/bonding/bond0`: "Currently Active Slave" and each slave\'s "MII Status".',
      ],
      run: failoverCheck,
    },
    {
      id: 'reach',
      title: 'server and client ping each other',
      dependsOn: ['address', 'failover'],
      hints: ['`ip netns exec server ping -c1 10.30.0.2`'],
      run: (q) => {
        const lost = [
          probeOk(q, 'server-client') ? '' : 'server got no answer from 10.30.0.2',
          probeOk(q, 'client-server') ? '' : 'client got no answer from 10.30.0.1',
        ].filter(Boolean);
        return lost.length ? fail(`${lost.join('; ')}.`) : pass();
      },
    },
  ],
});
