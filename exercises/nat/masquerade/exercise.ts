import {probeOk} from '../../../graders/checks';
import {diagnoseFlow, explain, type Diagnosis} from '../../../graders/diagnose';
import {defineExercise, fail, pass} from '../../../graders/exercise';
import {natStatus} from '../../../graders/nat';
import type {Query} from '../../../graders/query';

const LAN_HOST = '192.168.10.2';
const WAN_HOST = '203.0.113.2';
const ROUTER_WAN = '203.0.113.1';

/** The root-side interfaces, found by their addresses so renamed links still work. */
const ifaces = (q: Query) => ({
  lan: q.findAddress('192.168.10.1')?.link.name ?? 'veth-lan',
  wan: q.findAddress(ROUTER_WAN)?.link.name ?? 'veth-wan',
});

/** What in the router stops lan's traffic to wan or wan's replies (see graders/diagnose.ts). */
const diagnose = (q: Query): Diagnosis[] =>
  diagnoseFlow(q.state, {client: LAN_HOST, server: WAN_HOST, iif: ifaces(q).lan, clientName: 'lan', serverName: 'wan'});

export default defineExercise({
  id: 'nat/masquerade',
  title: 'A NAT router',
  probes: [
    {id: 'lan-to-wan', kind: 'ping', from: 'lan', to: WAN_HOST},
    {id: 'seen-by-wan', kind: 'source', from: 'lan', to: WAN_HOST, port: 40000, listenIn: 'wan'},
  ],
  hints: [
    'Two separate things are missing: the root namespace does not route between its interfaces, and wan cannot answer 192.168.10.2.',
    "Source NAT in the POSTROUTING hook rewrites the sender's address as packets leave toward wan.",
  ],
  checks: [
    {
      id: 'wan-unchanged',
      title: 'wan still has no route to 192.168.10.0/24',
      hints: [
        'wan plays the internet, which knows nothing about your private network. Run the setup again if you changed wan.',
      ],
      run: (q) => {
        const r = q.routeLookup(LAN_HOST, 'wan');
        if (!r) return pass();
        return fail(
          `wan has a route to ${LAN_HOST} (${r.dst}${r.gateway ? ` via ${r.gateway}` : ''}). The point is to reach wan without it knowing your LAN; remove that route.`,
        );
      },
    },
    {
      id: 'forwarding',
      title: 'The root namespace forwards IPv4 packets',
      hints: [
        'The kernel only routes between interfaces when forwarding is on, and it looks at the interface a packet arrives on: requests arrive on the lan side, replies on the wan side.',
        '`sysctl -w net.ipv4.ip_forward=1` turns it on for every interface.',
      ],
      run: (q) => {
        const off = diagnose(q).filter((d) => d.cause === 'forwarding');
        if (off.length === 0) return pass();
        if (off.length === 2) {
          return fail(
            `IPv4 forwarding is off on both sides (net.ipv4.ip_forward = ${q.sysctl('net.ipv4.ip_forward') ?? '?'}): ` +
              'packets from lan addressed to wan are dropped instead of routed.',
          );
        }
        // One side only: say which direction still works, so the learner sees why both are needed.
        const works = off[0].direction === 'reply' ? "lan's requests get through" : "wan's replies would get through";
        return fail(`${explain(off)} ${works}, but a ping needs both directions.`);
      },
    },
    {
      id: 'nat-rule',
      title: 'Packets from lan leaving toward wan get the source address 203.0.113.1',
      hints: [
        "Use iptables' nat table, chain POSTROUTING, or an nftables chain of type nat on the postrouting hook.",
        '`iptables -t nat -A POSTROUTING -s 192.168.10.0/24 -o veth-wan -j MASQUERADE`',
      ],
      run: (q) => {
        const {lan, wan} = ifaces(q);
        const d = q.sourceNat({src: LAN_HOST, dst: WAN_HOST, iif: lan, oif: wan});
        if (d.kind === 'snat' && d.to !== ROUTER_WAN) {
          return fail(
            `Your ${d.tool} rule rewrites the source to ${d.to}, but the router's address toward wan is ${ROUTER_WAN}; replies to ${d.to} reach nobody.`,
          );
        }
        if (d.kind === 'masquerade' && d.to !== undefined && d.to !== ROUTER_WAN) {
          return fail(`Your masquerade rule uses ${wan}'s address ${d.to}; expected ${ROUTER_WAN}.`);
        }
        const status = natStatus(d);
        if (status === 'matches') return pass();
        if (d.kind === 'unknown') {
          // The rule may apply; only what wan actually saw can tell.
          const seen = q.probe('seen-by-wan')?.seenSource;
          if (seen === ROUTER_WAN) return pass();
          const blocked = explain(diagnose(q).filter((x) => x.direction === 'request'));
          return fail(
            `Your ${d.tool} rule uses ${d.why}, which the grader cannot evaluate, so the live test decides: ` +
              (seen === undefined
                ? `nothing lan sent reached wan.${blocked ? ` ${blocked}` : ''}`
                : `wan saw lan's packets come from ${seen}, not ${ROUTER_WAN}.`) +
              ` Rule: ${d.rule}`,
          );
        }
        const rules = q.sourceNatRules();
        if (rules.length === 0) return fail('There is no source NAT rule in iptables (either backend) or nftables.');
        return fail(
          `None of your NAT rules applies to a packet from ${LAN_HOST} leaving through ${wan} ` +
            `(check the output interface and source match): ${rules.map((r) => `${r.tool}: ${r.text}`).join(' | ')}`,
        );
      },
    },
    {
      id: 'reach',
      title: 'lan can ping 203.0.113.2',
      dependsOn: ['forwarding'],
      hints: [
        '`ip netns exec lan ping -c 1 203.0.113.2`; follow the replies too: are they translated back, and may they be forwarded on the interface they arrive on?',
      ],
      run: (q) => {
        if (probeOk(q, 'lan-to-wan')) return pass();
        const why = explain(diagnose(q));
        if (why) return fail(`A ping from lan to ${WAN_HOST} got no answer. ${why}`);
        // Nothing in the router stops it: then wan cannot answer an untranslated address.
        const {lan, wan} = ifaces(q);
        const nat = natStatus(q.sourceNat({src: LAN_HOST, dst: WAN_HOST, iif: lan, oif: wan}));
        return fail(
          `A ping from lan to ${WAN_HOST} got no answer` +
            (nat === 'no-match' && !q.routeLookup(LAN_HOST, 'wan')
              ? `: routing and filtering let it through, but no NAT rule rewrites ${LAN_HOST}, and wan has no route back to it.`
              : '.'),
        );
      },
    },
    {
      id: 'wan-sees-router',
      title: "wan sees lan's traffic coming from 203.0.113.1",
      dependsOn: ['forwarding'],
      hints: ["Watch from wan's side: `ip netns exec wan tcpdump -ni eth0` while lan pings."],
      run: (q) => {
        const p = q.probe('seen-by-wan');
        if (!p) throw new Error('the live test "seen-by-wan" produced no result');
        if (p.seenSource === ROUTER_WAN) return pass();
        if (p.seenSource === undefined) {
          const why = explain(diagnose(q).filter((d) => d.direction === 'request'));
          return fail(`Nothing sent from lan arrived in wan.${why ? ` ${why}` : ''}`);
        }
        if (p.seenSource === LAN_HOST)
          return fail(`wan sees packets from ${LAN_HOST}, lan's own address: they are routed but not translated.`);
        return fail(`wan sees packets from ${p.seenSource}; expected ${ROUTER_WAN}.`);
      },
    },
  ],
});
