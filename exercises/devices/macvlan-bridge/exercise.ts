import {probeOk} from '../../../graders/checks';
import {describeDevice, lowerOf} from '../../../graders/devices';
import {defineExercise, fail, pass, type CheckFn} from '../../../graders/exercise';
import type {Link} from '../../../graders/model';
import {nsLabel} from '../../../graders/query';

const HOSTS = [
  {ns: 'ns1', ip: '10.20.0.1', peer: '10.20.0.2'},
  {ns: 'ns2', ip: '10.20.0.2', peer: '10.20.0.1'},
] as const;

/** Devices that hang off a parent and take their own address while sharing its wire. */
const SHARING = ['macvlan', 'ipvlan'];

const deviceCheck =
  (ns: string, ip: string): CheckFn =>
  (q) => {
    const found = q.findAddress(ip, ns);
    if (!found) {
      const elsewhere = q.state.namespaces
        .map((n) => ({ns: n.name, at: q.findAddress(ip, n.name ?? undefined)}))
        .find((x) => x.at);
      if (elsewhere?.at)
        return fail(
          `${ip} is on ${elsewhere.at.link.name} in ${nsLabel(elsewhere.ns)}, not in ${ns}. ` +
            (elsewhere.at.link.name === 'lan0'
              ? `lan0 is the parent: the task wants a macvlan of it inside ${ns}, and a parent never exchanges frames with its own macvlans anyway.`
              : `It belongs on a macvlan of lan0 that lives in ${ns}.`),
        );
      return fail(`${ns} has no interface with ${ip}; give it a macvlan of lan0 with ${ip}/24.`);
    }
    const {link, address} = found;
    if (address.prefixlen !== 24)
      return fail(`${ip} on ${link.name} has prefix /${address.prefixlen}; the task asks for /24 (10.20.0.0/24).`);
    if (!link.kind || !SHARING.includes(link.kind))
      return fail(
        `${ip} is on ${link.name} (${describeDevice(link)}) in ${ns}. The task wants a macvlan (or ipvlan) whose parent is lan0, so the namespaces share lan0's wire.`,
      );
    const lower = lowerOf(q, link, ns);
    if (!lower || lower.ns !== null || lower.link.name !== 'lan0')
      return fail(
        `${link.name} in ${ns} is a ${link.kind} of ${lower ? `${lower.link.name} in ${nsLabel(lower.ns)}` : 'a device the grader cannot find'}, not of lan0 in the root namespace.`,
      );
    if (!link.up) return fail(`${link.name} in ${ns} is DOWN: \`ip -n ${ns} link set ${link.name} up\`.`);
    return pass();
  };

/** Why a sharing device's mode keeps it from talking to its siblings on the same parent, if it does. */
function modeProblem(link: Link, ns: string): string | undefined {
  const who = `${link.name} in ${ns}`;
  if (link.kind === 'macvlan') {
    switch (link.macvlanMode) {
      case 'bridge':
        return undefined;
      case 'private':
        return `${who} is a macvlan in private mode: the kernel drops every frame between macvlans of one parent, so the namespaces cannot reach each other. Use mode bridge.`;
      case 'vepa':
        return (
          `${who} is a macvlan in vepa mode (what \`type macvlan\` gives without a mode): every frame leaves through lan0 and only comes back ` +
          'if the switch behind lan0 sends it back out of the port it came in on ("hairpin"). lan0 is a dummy with no switch, so frames to the other namespace vanish. Use mode bridge.'
        );
      default:
        return `${who} is a macvlan in ${link.macvlanMode ?? 'an unknown'} mode; only bridge mode delivers frames straight to a sibling on the same parent.`;
    }
  }
  if (link.kind === 'ipvlan' && link.ipvlan && link.ipvlan.flag !== 'bridge')
    return `${who} is an ipvlan with the ${link.ipvlan.flag} flag, which keeps ipvlans of one parent from talking to each other directly; leave the flag out (bridge is the default).`;
  return undefined;
}

export default defineExercise({
  id: 'devices/macvlan-bridge',
  title: 'Two namespaces on one parent with macvlan',
  probes: HOSTS.map(({ns, peer}) => ({id: `${ns}-ping`, kind: 'ping' as const, from: ns, to: peer})),
  hints: [
    'A macvlan is a child of a parent device with its own MAC address; you create it on the parent and can create it straight into a namespace.',
    'Its mode decides whether two children of the same parent may talk to each other.',
  ],
  checks: [
    ...HOSTS.map(({ns, ip}) => ({
      id: `${ns}-device`,
      title: `${ns} has ${ip}/24 on an up macvlan whose parent is lan0`,
      hints: [
        '`ip link add NAME link lan0 netns NS type macvlan mode MODE` creates it on lan0 directly in the namespace.',
        `Then \`ip -n ${ns} addr add ${ip}/24 dev NAME\` and bring it up.`,
      ],
      run: deviceCheck(ns, ip),
    })),
    {
      id: 'siblings-talk',
      title: 'The two devices are in a mode that lets siblings on lan0 talk to each other',
      dependsOn: ['ns1-device', 'ns2-device'],
      hints: [
        '`ip -d link show` prints the macvlan mode on the third line of each device.',
        'Of private, vepa, bridge, passthru and source, one mode switches frames between siblings inside the kernel.',
      ],
      run: (q) => {
        for (const {ns, ip} of HOSTS) {
          const at = q.findAddress(ip, ns);
          const problem = at && modeProblem(at.link, ns);
          if (problem) return fail(problem);
        }
        return pass();
      },
    },
    {
      id: 'reach',
      title: 'ns1 and ns2 ping each other',
      dependsOn: ['siblings-talk'],
      hints: ['`ip netns exec ns1 ping -c1 10.20.0.2`; is lan0 itself still up (`ip link show lan0`)?'],
      run: (q) => {
        const lost = HOSTS.filter(({ns}) => !probeOk(q, `${ns}-ping`)).map(
          ({ns, peer}) => `${ns} got no answer from ${peer}`,
        );
        if (!lost.length) return pass();
        const lan0 = q.link('lan0');
        const why = lan0 && !lan0.up ? ' lan0 is DOWN, and its children go down with it.' : '';
        return fail(`${lost.join('; ')}.${why}`);
      },
    },
  ],
});
