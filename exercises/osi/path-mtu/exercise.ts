import {probeOk} from '../../../graders/checks';
import {defineExercise, fail, pass, type CheckFn} from '../../../graders/exercise';
import type {Link} from '../../../graders/model';
import type {Query} from '../../../graders/query';

/** The packet size the task asks for: ping's 1472-byte payload + 8 (ICMP header) + 20 (IPv4 header). */
const FULL = 1500;
const PAYLOAD = FULL - 28;
const CLIENT = '10.0.1.2';
const SERVER = '10.0.2.2';

/** One end of a link: a namespace and its interface, found by address so a renamed link still works. */
interface End {
  ns: string;
  link: Link;
}
const endText = (e: End) => `${e.ns}'s ${e.link.name} (mtu ${e.link.mtu ?? '?'})`;

/** router's interface holding `addr`, and the other end of its veth pair. */
function linkPair(q: Query, addr: string): [End, End] | undefined {
  const r = q.findAddress(addr, 'router');
  const peer = r && q.vethPeer(r.link.name, 'router');
  if (!r || !peer?.ns) return undefined;
  return [
    {ns: 'router', link: r.link},
    {ns: peer.ns, link: peer.link},
  ];
}

/** The path client -> router -> server as its two links, in order. */
const path = (q: Query) => [linkPair(q, '10.0.1.1'), linkPair(q, '10.0.2.1')];

const linksAgree: CheckFn = (q) => {
  const bad: string[] = [];
  for (const pair of path(q)) {
    if (!pair) return fail('A link of the lab is missing: router should have 10.0.1.1 and 10.0.2.1, each on a veth.');
    const [a, b] = pair;
    if (a.link.mtu === b.link.mtu) continue;
    const [big, small] = (a.link.mtu ?? 0) > (b.link.mtu ?? 0) ? [a, b] : [b, a];
    bad.push(
      `the link between ${endText(a)} and ${endText(b)} disagrees: ${big.ns} sends packets of up to ${big.link.mtu} bytes into it, ` +
        `and ${small.ns}'s ${small.link.name} drops those that do not fit its mtu ${small.link.mtu} on arrival, without telling anybody ` +
        `(\`ip -n ${small.ns} -s link show ${small.link.name}\` counts them as RX dropped)`,
    );
  }
  if (bad.length === 0) return pass();
  const text = bad.join('; ');
  return fail(`${text.charAt(0).toUpperCase()}${text.slice(1)}. Both ends of a link must have the same MTU.`);
};

const pathCarriesFull: CheckFn = (q) => {
  const ends = path(q).flatMap((p) => p ?? []);
  const small = ends.filter((e) => (e.link.mtu ?? 0) < FULL);
  if (small.length === 0) return pass();
  const min = Math.min(...small.map((e) => e.link.mtu ?? 0));
  return fail(
    `The smallest MTU on the path from client to server is ${min} (${small.map((e) => `${e.ns}'s ${e.link.name}: ${e.link.mtu ?? '?'}`).join(', ')}), so a ${FULL}-byte packet with DF set cannot cross it: ` +
      `the namespace that would have to send it into the narrower link answers "Frag needed and DF set (mtu = ${min})" instead (or, if that is the sender, its ping fails at once with "message too long"). The task asks for ${FULL} bytes end to end: raise the small side instead of lowering the big one.`,
  );
};

/**
 * A large DF ping must answer; on failure, explain with the link MTUs. The
 * probe runs ping -q, which keeps ICMP errors and local errors out of its
 * output, so the state has to say why.
 */
const largePing =
  (probe: string, from: string, to: string): CheckFn =>
  (q) => {
    if (probeOk(q, probe)) return pass();
    const cmd = `\`ip netns exec ${from} ping -M do -s ${PAYLOAD} -c 1 ${to}\``;
    const own = q.findAddress(from === 'client' ? CLIENT : SERVER, from)?.link;
    if (own?.mtu !== undefined && own.mtu < FULL) {
      return fail(
        `${cmd} fails before a packet leaves: ${from}'s own ${own.name} has mtu ${own.mtu}, and a ${FULL}-byte packet with DF set does not fit ("message too long, mtu=${own.mtu}").`,
      );
    }
    const mismatch = linksAgree(q);
    if (!mismatch.ok) return fail(`${cmd} got no answer. ${mismatch.message}`);
    const narrow = pathCarriesFull(q);
    if (!narrow.ok) return fail(`${cmd} got no answer. ${narrow.message}`);
    return fail(
      `${cmd} got no answer, although every MTU on the path is at least ${FULL} and both ends of each link agree. ` +
        `If a smaller MTU was in place earlier, ${from} may still remember the path MTU a "Frag needed" taught it: ` +
        `\`ip -n ${from} route get ${to}\` shows it on the cache line (\`mtu 1400\`), and \`ip -n ${from} route flush cache\` forgets it. ` +
        `Otherwise \`ip netns exec router tcpdump -n -i any icmp\` shows where the large packets stop.`,
    );
  };

export default defineExercise({
  id: 'osi/path-mtu',
  title: 'A path that drops large packets',
  probes: [
    {id: 'client-to-server', kind: 'ping', from: 'client', to: SERVER, size: PAYLOAD, dontFragment: true},
    {id: 'server-to-client', kind: 'ping', from: 'server', to: CLIENT, size: PAYLOAD, dontFragment: true},
  ],
  hints: [
    'Small pings work and large ones vanish: compare the `mtu` of every interface on the path with `ip -n NAME link`.',
    'A link has two ends, often in two namespaces. Both must agree on the MTU.',
  ],
  checks: [
    {
      id: 'links-agree',
      title: 'both ends of each link have the same MTU',
      hints: [
        '`ip -n router link` and `ip -n server link`: compare the `mtu` of veth-server with that of its other end.',
        '`ip -n server link set eth0 mtu 1500`',
      ],
      run: linksAgree,
    },
    {
      id: 'path-carries-1500',
      title: 'every link from client to server carries 1500-byte packets',
      dependsOn: ['links-agree'],
      hints: [
        'An MTU of 1500 on every interface of the path lets 1500-byte packets through. Lowering one end to match the other makes the path smaller.',
      ],
      run: pathCarriesFull,
    },
    {
      id: 'client-reaches-server',
      title: `client can ping 10.0.2.2 with ${FULL}-byte packets, DF set`,
      hints: [`\`ip netns exec client ping -M do -s ${PAYLOAD} -c 1 ${SERVER}\` (${PAYLOAD} + 8 + 20 = ${FULL})`],
      run: largePing('client-to-server', 'client', SERVER),
    },
    {
      id: 'server-reaches-client',
      title: `server can ping 10.0.1.2 with ${FULL}-byte packets, DF set`,
      hints: [`\`ip netns exec server ping -M do -s ${PAYLOAD} -c 1 ${CLIENT}\``],
      run: largePing('server-to-client', 'server', CLIENT),
    },
  ],
});
