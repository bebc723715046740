import {addressOnAttachment, attachedToBridge, pathIsUp, probe, probeOk} from '../../../graders/checks';
import {defineExercise, fail, pass, type CheckFn} from '../../../graders/exercise';
import type {Query} from '../../../graders/query';

const BETA = '10.0.0.2';
const WRONG_MAC = '02:00:00:00:00:99';

/** beta's interface that holds 10.0.0.2, else its eth0: the MAC alpha must send to. */
const betaLink = (q: Query) => q.findAddress(BETA, 'beta')?.link ?? q.link('eth0', 'beta');

/**
 * Who, anywhere in the lab, owns a MAC address. A bridge copies a port's MAC,
 * so a non-bridge owner is named first: "veth-beta in the root namespace".
 */
function ownerOf(q: Query, mac: string): {name: string; ns: string | null} | undefined {
  const owners = q.state.namespaces.flatMap((ns) =>
    ns.links
      .filter((l) => l.mac?.toLowerCase() === mac.toLowerCase())
      .map((l) => ({name: l.name, kind: l.kind, ns: ns.name})),
  );
  return owners.find((o) => o.kind !== 'bridge') ?? owners[0];
}

/** Every check of one shared body must pass; the first failure is reported. */
const all =
  (...fns: CheckFn[]): CheckFn =>
  (q) => {
    for (const fn of fns) {
      const r = fn(q);
      if (!r.ok) return r;
    }
    return pass();
  };

const neighbourEntry: CheckFn = (q) => {
  const mac = betaLink(q)?.mac?.toLowerCase();
  if (!mac)
    return fail('beta has no eth0 any more, so there is no MAC address for alpha to reach; run the setup again.');
  const entries = (q.ns('alpha')?.neighbours ?? []).filter((n) => n.dst === BETA && n.lladdr !== undefined);
  const wrong = entries.find((n) => n.lladdr?.toLowerCase() !== mac);
  if (!wrong?.lladdr) return pass();
  const state = wrong.state.join(',') || 'no state';
  const owner = ownerOf(q, wrong.lladdr);
  let why: string;
  if (!owner) why = 'frames go to a MAC no one has, and the bridge floods them to ports where nobody takes them';
  else if (owner.ns === null)
    why =
      `that is ${owner.name} in the root namespace, the bridge's side of a cable: the bridge hands frames for its ports' ` +
      'own addresses to the root namespace, which has no 10.0.0.2, so beta never sees them';
  else why = `that is ${owner.name} in ${owner.ns}, not beta's eth0`;
  const sticky = wrong.state.some((s) => s === 'PERMANENT' || s === 'NOARP')
    ? ` The entry is ${state}: alpha never sends an ARP request for 10.0.0.2 while it exists, so it will not correct itself` +
      ' (and `ip neigh flush` skips such entries unless you add `nud permanent`).'
    : ` The entry is ${state}.`;
  const hint =
    wrong.lladdr.toLowerCase() === WRONG_MAC
      ? " Each namespace has its own table: `ip neigh` without `-n alpha` shows the root namespace's."
      : '';
  return fail(
    `alpha's neighbour table says ${BETA} is at ${wrong.lladdr} (on ${wrong.dev}), but beta's ${betaLink(q)?.name ?? 'eth0'} is ${mac}: ${why}.` +
      sticky +
      hint,
  );
};

export default defineExercise({
  id: 'arp/wrong-neighbour',
  title: 'A wrong neighbour entry',
  probes: [
    {id: 'alpha-to-beta', kind: 'ping', from: 'alpha', to: BETA},
    {id: 'beta-to-alpha', kind: 'ping', from: 'beta', to: '10.0.0.1'},
  ],
  hints: [
    'The wiring, the addresses and the bridge are all fine. Something in alpha decides which MAC address frames for 10.0.0.2 go to.',
    'Compare what alpha believes (`ip -n alpha neigh`) with what beta really has (`ip -n beta link show eth0`).',
  ],
  checks: [
    {
      id: 'wiring',
      title: 'alpha and beta are still plugged into br0 and every link is up',
      hints: ['Nothing about the cables needs to change. If you took something down or apart, run the setup again.'],
      run: all(attachedToBridge('alpha', 'br0'), attachedToBridge('beta', 'br0'), pathIsUp(['alpha', 'beta'], 'br0')),
    },
    {
      id: 'addresses',
      title: 'alpha keeps 10.0.0.1/24 and beta keeps 10.0.0.2/24',
      dependsOn: ['wiring'],
      hints: [
        'Renumbering beta hides the problem instead of fixing it: anything else that talks to 10.0.0.2 would break. Put 10.0.0.2/24 back on beta.',
      ],
      run: all(addressOnAttachment('alpha', 'br0', '10.0.0.1', 24), addressOnAttachment('beta', 'br0', BETA, 24)),
    },
    {
      id: 'neighbour-entry',
      title: "alpha's neighbour entry for 10.0.0.2, if it has one, is beta's real MAC address",
      dependsOn: ['wiring'],
      hints: [
        '`ip -n alpha neigh show 10.0.0.2` prints what alpha believes. Is that state one that ever asks ARP again?',
        "beta's real address is in `ip -n beta -br link show eth0`. Either remove alpha's entry (`ip -n alpha neigh del ...`) so ARP learns it, or pin the right one.",
        '`ip neigh flush` leaves PERMANENT entries alone unless you ask for them with `nud permanent`.',
      ],
      run: neighbourEntry,
    },
    {
      id: 'alpha-to-beta',
      title: 'alpha can ping beta at 10.0.0.2',
      dependsOn: ['addresses', 'neighbour-entry'],
      hints: ['Try `ip netns exec alpha ping -c 1 10.0.0.2` while `ip netns exec beta tcpdump -e -n -i eth0` runs.'],
      run: (q) => {
        if (probeOk(q, 'alpha-to-beta')) return pass();
        // The collector lists every entry (`nud all`), NOARP ones included, so
        // a wrong MAC was already caught by neighbour-entry; what is left is the wire.
        const shown = q.ns('alpha')?.neighbours.some((n) => n.dst === BETA && n.lladdr !== undefined);
        return fail(
          'A ping from alpha to 10.0.0.2 got no answer. ' +
            (shown
              ? "alpha's entry for 10.0.0.2 looks right, so watch beta's eth0 with `tcpdump -e -n` and compare the destination MAC of the echo requests with beta's."
              : "alpha has no entry for 10.0.0.2, so its ARP requests get no reply: watch them with `ip netns exec beta tcpdump -e -n -i eth0 arp` and check beta's addresses and ARP settings (`arp_ignore`, the NOARP link flag)."),
        );
      },
    },
    {
      id: 'beta-to-alpha',
      title: 'beta can ping alpha at 10.0.0.1',
      dependsOn: ['addresses', 'neighbour-entry'],
      hints: [
        'It is the same neighbour entry seen from the other side: alpha frames its echo replies to beta with its entry for 10.0.0.2.',
      ],
      run: probe(
        'beta-to-alpha',
        "A ping from beta to 10.0.0.1 got no answer. alpha's echo replies use alpha's neighbour entry for 10.0.0.2; look at beta's neighbour table too (`ip -n beta neigh`).",
      ),
    },
  ],
});
