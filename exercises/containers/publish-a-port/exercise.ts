import {probeOk} from '../../../graders/checks';
import {destNatRules, type DnatRule} from '../../../graders/dnat';
import {diagnoseFlow, explain, type Diagnosis} from '../../../graders/diagnose';
import {defineExercise, fail, pass} from '../../../graders/exercise';
import {dnatRuleCheck, fetchCheck, type PortForward} from '../../../graders/portforward';
import {natStatus} from '../../../graders/nat';
import type {Query} from '../../../graders/query';

const WEB = '172.17.0.2';
const PORT = 80;
const OUTSIDE = '198.51.100.2';
const PUBLIC = '198.51.100.1';
const PUBLIC_PORT = 8080;
const FETCH = 'outside-fetch';
const PING = 'web-to-outside';
const SEEN = 'seen-by-outside';

/** The root-side interfaces, found by their addresses so renamed links still work. */
const ifaces = (q: Query) => ({
  bridge: q.findAddress('172.17.0.1')?.link.name ?? 'docker0',
  out: q.findAddress(PUBLIC)?.link.name ?? 'veth-outside',
});

/** outside → web after DNAT: routed from veth-outside to docker0, replies the other way. */
const inbound = (q: Query): Diagnosis[] =>
  diagnoseFlow(q.state, {client: OUTSIDE, server: WEB, iif: ifaces(q).out, clientName: 'outside', serverName: 'web'});

/** web → outside: the container's own connections, which need MASQUERADE for the replies. */
const outbound = (q: Query): Diagnosis[] =>
  diagnoseFlow(q.state, {
    client: WEB,
    server: OUTSIDE,
    iif: ifaces(q).bridge,
    clientName: 'web',
    serverName: 'outside',
  });

/** DNAT rules judged against outside's packet as it arrives, before any translation. */
const rules = (q: Query): DnatRule[] => {
  const root = q.ns(undefined);
  const {bridge, out} = ifaces(q);
  return root ? destNatRules(root, {src: OUTSIDE, dst: PUBLIC, iif: out, oif: bridge}) : [];
};

/** outside → 198.51.100.1:8080, translated to the container's port 80. */
const forward = (q: Query): PortForward => ({
  clientName: 'outside',
  client: OUTSIDE,
  public: PUBLIC,
  publicPort: PUBLIC_PORT,
  serverName: 'web',
  server: WEB,
  port: PORT,
  translator: 'the host',
  inIface: ifaces(q).out,
  probe: FETCH,
  rules: rules(q),
  blockers: inbound(q),
  wrongPlaceNote: "8080 is the published port on the host, 80 the container's port",
  outputNote: "that is how Docker publishes a port to the host's own clients",
});

export default defineExercise({
  id: 'containers/publish-a-port',
  title: 'Publish a container port by hand',
  probes: [
    {id: FETCH, kind: 'tcp', from: 'outside', to: PUBLIC, port: PUBLIC_PORT},
    {id: PING, kind: 'ping', from: 'web', to: OUTSIDE},
    {id: SEEN, kind: 'source', from: 'web', to: OUTSIDE, port: 40000, listenIn: 'outside'},
  ],
  hints: [
    'Two translations are missing, one per direction: the destination of connections to 198.51.100.1:8080, and the source of what web sends out.',
    'Both live in the nat table: DNAT in PREROUTING (before routing), MASQUERADE in POSTROUTING (after it). And the host has to route between docker0 and veth-outside.',
  ],
  checks: [
    {
      id: 'outside-unchanged',
      title: 'outside still has no route to 172.17.0.0/16',
      hints: [
        'outside plays the internet, which knows nothing about your containers. Run the setup again if you changed it.',
      ],
      run: (q) => {
        const r = q.routeLookup(WEB, 'outside');
        if (!r) return pass();
        return fail(
          `outside has a route to ${WEB} (${r.dst}${r.gateway ? ` via ${r.gateway}` : ''}). The world cannot reach a container's private address; remove that route.`,
        );
      },
    },
    {
      id: 'forwarding',
      title: 'The root namespace forwards IPv4 packets between docker0 and veth-outside',
      hints: [
        'Once DNAT has rewritten it to 172.17.0.2, a packet from outside is no longer for the host: it has to be routed to docker0. The same goes for everything web sends out.',
        '`sysctl -w net.ipv4.ip_forward=1` (Docker sets it when it starts).',
      ],
      run: (q) => {
        const off = [...inbound(q), ...outbound(q)].filter((d) => d.cause === 'forwarding');
        if (off.length === 0) return pass();
        const seen = new Set<string>();
        const unique = off.filter((d) => !seen.has(d.message) && seen.add(d.message));
        return fail(
          `${explain(unique)} After DNAT, outside's connection to ${PUBLIC}:${PUBLIC_PORT} is addressed to ${WEB} and has to be forwarded to docker0.`,
        );
      },
    },
    {
      id: 'forward-filter',
      title: 'Nothing in the host drops the forwarded traffic',
      dependsOn: ['forwarding'],
      hints: [
        'A DNATed packet still crosses the FORWARD hook, with its new destination, in both directions; so does everything web sends out.',
        '`iptables -L FORWARD -v -n` and `nft list ruleset` show the policies; with policy DROP, accept replies (ESTABLISHED,RELATED), traffic to 172.17.0.2 port 80, and traffic from docker0 out.',
      ],
      run: (q) => {
        const found = [...inbound(q), ...outbound(q)].filter(
          (d) => d.cause !== 'forwarding' && d.cause !== 'no-route-back',
        );
        if (found.length === 0) return pass();
        return fail(
          `${explain(found)} (After DNAT, FORWARD sees ${OUTSIDE} → ${WEB}:${PORT}, not ${PUBLIC}:${PUBLIC_PORT}.)`,
        );
      },
    },
    {
      id: 'dnat-rule',
      title: 'Connections to 198.51.100.1:8080 are sent on to 172.17.0.2:80',
      // After the filter: a right rule whose -p/--dport match only the live probe can judge
      // must not be blamed for packets that FORWARD drops.
      dependsOn: ['forwarding', 'forward-filter'],
      hints: [
        "This is what `docker run -p 8080:80` writes: a DNAT rule in the nat table's PREROUTING chain (or an nftables chain of type nat on the prerouting hook with `dnat to`).",
        '`iptables -t nat -A PREROUTING -p tcp -d 198.51.100.1 --dport 8080 -j DNAT --to-destination ...` (which port does web listen on?)',
      ],
      run: (q) => dnatRuleCheck(q, forward(q)),
    },
    {
      id: 'fetch',
      title: 'outside gets the page from 198.51.100.1:8080',
      dependsOn: ['forwarding'],
      hints: ['`ip netns exec outside curl -m 3 http://198.51.100.1:8080/` should print "hello from web".'],
      run: (q) => fetchCheck(q, forward(q)),
    },
    {
      id: 'masquerade',
      title: 'Packets from web leaving toward outside get the source address 198.51.100.1',
      dependsOn: ['forwarding'],
      hints: [
        'The published port works without it: conntrack translates the replies back. But connections web opens itself leave as 172.17.0.2, and outside has no route to that.',
        '`iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE` is the rule Docker writes.',
      ],
      run: (q) => {
        const {bridge, out} = ifaces(q);
        const d = q.sourceNat({src: WEB, dst: OUTSIDE, iif: bridge, oif: out});
        if (d.kind === 'snat' && d.to !== PUBLIC) {
          return fail(
            `Your ${d.tool} rule rewrites the source to ${d.to}, but the host's address toward outside is ${PUBLIC}; replies to ${d.to} reach nobody.`,
          );
        }
        const status = natStatus(d);
        if (status === 'matches') return pass();
        const seen = q.probe(SEEN)?.seenSource;
        // A match the grader cannot evaluate: what outside actually saw decides.
        if (d.kind === 'unknown' && seen === PUBLIC) return pass();
        if (seen === WEB) {
          return fail(
            `outside sees web's packets coming from ${WEB}: they are routed but not translated, and outside has no route back to ${WEB}. ` +
              'The published port works anyway (conntrack un-DNATs its replies), but web cannot open a connection of its own.',
          );
        }
        const rs = q.sourceNatRules();
        if (rs.length === 0)
          return fail('There is no source NAT rule (MASQUERADE or SNAT) in iptables (either backend) or nftables.');
        const blocked = explain(outbound(q).filter((x) => x.direction === 'request'));
        return fail(
          `None of your source NAT rules is shown to apply to a packet from ${WEB} leaving through ${out}` +
            `${seen === undefined ? `, and nothing web sent reached outside.${blocked ? ` ${blocked}` : ''}` : `; outside saw ${seen}.`} ` +
            `Rules: ${rs.map((r) => `${r.tool}: ${r.text}`).join(' | ')}`,
        );
      },
    },
    {
      id: 'web-out',
      title: 'web can ping 198.51.100.2',
      dependsOn: ['forwarding'],
      hints: [
        '`ip netns exec web ping -c 1 198.51.100.2`; watch `tcpdump -ni veth-outside icmp` to see which source address leaves.',
      ],
      run: (q) => {
        if (probeOk(q, PING)) return pass();
        const why = explain(outbound(q).filter((d) => d.cause !== 'no-route-back'));
        if (why) return fail(`A ping from web to ${OUTSIDE} got no answer. ${why}`);
        const seen = q.probe(SEEN)?.seenSource;
        return fail(
          `A ping from web to ${OUTSIDE} got no answer` +
            (seen === WEB ? `: it leaves untranslated as ${WEB}, and outside has no route back.` : '.'),
        );
      },
    },
  ],
});
