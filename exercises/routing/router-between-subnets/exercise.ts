import {inCidr} from '../../../graders/addr';
import {probeOk} from '../../../graders/checks';
import {diagnoseFlow, explain} from '../../../graders/diagnose';
import {defineExercise, fail, pass, type CheckFn} from '../../../graders/exercise';
import type {Route} from '../../../graders/model';
import {linkStateText, type Query} from '../../../graders/query';

/** The two hosts, each with its address, its gateway (router's address on its link) and its subnet. */
const HOSTS = {
  left: {addr: '10.1.0.2', gw: '10.1.0.1', net: '10.1.0.0/24', probe: 'left-to-right'},
  right: {addr: '10.2.0.2', gw: '10.2.0.1', net: '10.2.0.0/24', probe: 'right-to-left'},
} as const;
type Host = keyof typeof HOSTS;
const other = (h: Host): Host => (h === 'left' ? 'right' : 'left');

/** router's interface toward a host, found by its address so a renamed link still works. */
const routerIf = (q: Query, h: Host): string =>
  q.findAddress(HOSTS[h].gw, 'router')?.link.name ?? (h === 'left' ? 'veth-left' : 'veth-right');

/** unreachable, blackhole and prohibit routes are found by a lookup but deliver nothing. */
const usable = (r: Route) => r.type === 'unicast';

const routeText = (r: Route) =>
  `${r.type === 'unicast' ? '' : `${r.type} `}${r.dst}${r.gateway ? ` via ${r.gateway}` : ''}${r.dev ? ` dev ${r.dev}` : ''}`;

/** The IPv4 routes of a namespace's main table, as `ip route` prints them (roughly). */
const mainRoutes = (q: Query, ns: string) =>
  (q.ns(ns)?.routes ?? []).filter((r) => r.table === 'main' && r.family === 'inet').map(routeText);

/**
 * `from` has a route to the other host's address via router's address on
 * `from`'s own link. Left's route is the way there, right's the way back:
 * the messages say which, because a missing way back fails silently.
 */
const routeVia =
  (from: Host): CheckFn =>
  (q) => {
    const {gw, net, probe} = HOSTS[from];
    const to = other(from);
    const dst = HOSTS[to].addr;
    const r = q.routeLookup(dst, from);
    if (r && usable(r) && r.gateway === gw) return pass();
    // A route the grader does not model (a policy rule with a selector, a
    // multipath route): the ping decides, since it needs this route to work.
    if ((!r || (usable(r) && !r.gateway)) && probeOk(q, probe)) return pass();
    const nextHop = `The next hop is router's address on ${from}'s link, ${gw}`;
    if (!r) {
      const symptom =
        from === 'left'
          ? 'a ping from left fails at once with "Network is unreachable"'
          : "even when left's pings get through, right cannot send its replies anywhere: it drops them, and left hears nothing";
      return fail(
        `${from} has no ${from === 'left' ? 'route to' : 'route back to'} ${dst}: its routing table only has ${mainRoutes(q, from).join(', ') || 'nothing'}, so ${symptom}. ` +
          `${nextHop}: \`ip -n ${from} route add ${HOSTS[to].net} via ${gw}\`.`,
      );
    }
    const which = `${from}'s route ${routeText(r)}`;
    const replace = `\`ip -n ${from} route replace ${r.dst} via ${gw}\``;
    if (!usable(r)) {
      return fail(
        `The lookup for ${dst} in ${from} finds the ${r.type} route ${r.dst}, the longest prefix that matches, and it delivers nothing. Delete it (\`ip -n ${from} route del ${r.type} ${r.dst}\`) or give ${from} a more specific route via ${gw}.`,
      );
    }
    if (!r.gateway) {
      return fail(
        `${which} has no gateway: ${from} treats ${dst} as a neighbour on its own link and asks for it by ARP there, and nobody answers (${dst} is on another subnet, behind router). ${nextHop}: ${replace}.`,
      );
    }
    if (q.findAddress(r.gateway, from)) {
      return fail(
        `${which} points at ${r.gateway}, ${from}'s own address. The kernel accepts that, then sends as if ${dst} were on the link (\`ip -n ${from} route get ${dst}\` shows no "via"), and nobody answers ${from}'s ARP for ${dst}. ${nextHop}: ${replace}.`,
      );
    }
    const onRouter = q.findAddress(r.gateway, 'router');
    // Another address of router's on this link is as good a next hop as the usual one.
    if (onRouter && onRouter.link.name === routerIf(q, from)) return pass();
    if (onRouter) {
      return fail(
        `${which} points at ${r.gateway}, router's address on the far side. A gateway has to be reachable on ${from}'s own link (${net}). ${nextHop}: ${replace}.`,
      );
    }
    const onLink = inCidr(r.gateway, net) === true;
    return fail(
      `${which} points at ${r.gateway}, ${onLink ? `an address on ${from}'s link (${net}) that nobody has` : `which is not on ${from}'s link (${net}) at all`}, so ${from}'s ARP requests for it go unanswered. ${nextHop}: ${replace}.`,
    );
  };

/** Where IPv4 forwarding is on outside router (the root namespace, the hosts), for messages. */
function forwardingElsewhere(q: Query): string {
  const where: string[] = [];
  if (q.sysctl('net.ipv4.ip_forward') === '1') where.push('the root namespace (where your terminal runs)');
  for (const h of ['left', 'right'] as const) if (q.sysctl('net.ipv4.ip_forward', h) === '1') where.push(h);
  if (where.length === 0) return '';
  return (
    ` You turned it on in ${where.join(' and ')} instead. Each namespace has its own copy of every sysctl, and forwarding matters only where packets pass from one interface to another: in router. ` +
    '`ip netns exec router sysctl -w net.ipv4.ip_forward=1` sets it there.'
  );
}

/**
 * A ping from `from` to the other host must succeed. When it does not, say
 * what stops it: a link that is down, or what router does to the request or
 * the reply (graders/diagnose.ts: a FORWARD drop, rp_filter, a lost route).
 */
const reaches =
  (from: Host): CheckFn =>
  (q) => {
    const to = other(from);
    const dst = HOSTS[to].addr;
    if (probeOk(q, HOSTS[from].probe)) return pass();
    const down: string[] = [];
    for (const h of ['left', 'right'] as const) {
      const l = q.findAddress(HOSTS[h].addr, h)?.link ?? q.link('eth0', h);
      if (l && !(l.up && (l.operstate === 'UP' || l.operstate === 'UNKNOWN')))
        down.push(`${h}'s ${l.name} is ${linkStateText(l, h)}`);
      const r = q.link(routerIf(q, h), 'router');
      if (r && !(r.up && (r.operstate === 'UP' || r.operstate === 'UNKNOWN')))
        down.push(`router's ${r.name} is ${linkStateText(r, 'router')}`);
    }
    const why = [
      down.length ? `${down.join('; ')}.` : undefined,
      explain(
        diagnoseFlow(q.state, {
          router: 'router',
          client: HOSTS[from].addr,
          server: dst,
          iif: routerIf(q, from),
          clientName: from,
          serverName: to,
        }),
      ),
    ].filter(Boolean);
    return fail(
      `A ping from ${from} to ${dst} got no answer.` +
        (why.length
          ? ` ${why.join(' ')}`
          : ` Routes and forwarding look right; find where the packets stop: \`ip netns exec router tcpdump -n -i ${routerIf(q, to)} icmp\` while ${from} pings.`),
    );
  };

export default defineExercise({
  id: 'routing/router-between-subnets',
  title: 'A router between two subnets',
  // router's sysctls (forwarding per interface) and firewall are read inside it.
  deepNamespaces: ['router'],
  probes: [
    {id: 'left-to-right', kind: 'ping', from: 'left', to: '10.2.0.2'},
    {id: 'right-to-left', kind: 'ping', from: 'right', to: '10.1.0.2'},
  ],
  hints: [
    'Three things are missing: left does not know where 10.2.0.0/24 is, right does not know where 10.1.0.0/24 is, and router does not pass packets on.',
    'Each namespace has its own routing table and its own sysctls: run the commands in the right one with `ip -n NAME` or `ip netns exec NAME`.',
  ],
  checks: [
    {
      id: 'left-route',
      title: 'left has a route to 10.2.0.2 via 10.1.0.1',
      hints: [
        'A gateway is the next hop: an address on your own link that knows the way on. For left that is router, at 10.1.0.1.',
        '`ip -n left route add 10.2.0.0/24 via 10.1.0.1`, or a default route: `ip -n left route add default via 10.1.0.1`',
      ],
      run: routeVia('left'),
    },
    {
      id: 'right-route-back',
      title: 'right has a route back to 10.1.0.2 via 10.2.0.1',
      hints: [
        "right has to answer: its replies to 10.1.0.2 need a route of their own, chosen by right's table, not by the way the request came.",
        '`ip -n right route add 10.1.0.0/24 via 10.2.0.1`',
      ],
      run: routeVia('right'),
    },
    {
      id: 'router-forwards',
      title: 'router forwards IPv4 packets on both of its interfaces',
      hints: [
        "Linux passes packets from one interface to another only when forwarding is on, and it checks the interface a packet arrives on: left's packets arrive on veth-left, right's on veth-right.",
        '`ip netns exec router sysctl -w net.ipv4.ip_forward=1` (inside router: a plain `sysctl` changes the root namespace)',
      ],
      run: (q) => {
        const off = (['left', 'right'] as const).filter((h) => !q.forwards(routerIf(q, h), 'router'));
        if (off.length === 0) return pass();
        if (off.length === 2) {
          return fail(
            `IPv4 forwarding is off in router (net.ipv4.ip_forward = ${q.sysctl('net.ipv4.ip_forward', 'router') ?? '?'} there): ` +
              `packets from left to 10.2.0.2 arrive on ${routerIf(q, 'left')} and are dropped instead of routed.` +
              forwardingElsewhere(q),
          );
        }
        const [h] = off;
        const dev = routerIf(q, h);
        const onDev = routerIf(q, other(h));
        return fail(
          `Forwarding is on for ${onDev} but off for ${dev} (net.ipv4.conf.${dev}.forwarding = ${q.sysctl(`net.ipv4.conf.${dev}.forwarding`, 'router') ?? '?'}). ` +
            `The kernel decides by the interface a packet arrives on: ${other(h)}'s packets, arriving on ${onDev}, are routed, ` +
            `but ${h}'s, its replies included, arrive on ${dev} and are dropped. A ping needs both directions.`,
        );
      },
    },
    {
      id: 'left-reaches-right',
      title: 'left can ping 10.2.0.2',
      dependsOn: ['left-route', 'right-route-back', 'router-forwards'],
      hints: [
        '`ip netns exec left ping -c 1 10.2.0.2`, and `ip netns exec router tcpdump -n -i veth-right icmp` in the other terminal to see how far the packets get.',
      ],
      run: reaches('left'),
    },
    {
      id: 'right-reaches-left',
      title: 'right can ping 10.1.0.2',
      dependsOn: ['left-route', 'right-route-back', 'router-forwards'],
      hints: [
        '`ip netns exec right ping -c 1 10.1.0.2`; `ip -n router route get 10.1.0.2 from 10.2.0.2 iif veth-right` shows what router decides.',
      ],
      run: reaches('right'),
    },
  ],
});
