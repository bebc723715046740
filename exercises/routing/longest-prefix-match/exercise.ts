import {inCidr, prefixLength, routeCidr} from '../../../graders/addr';
import {probeOk} from '../../../graders/checks';
import {defineExercise, fail, pass, type CheckFn} from '../../../graders/exercise';
import type {Route} from '../../../graders/model';
import {linkStateText, type Query} from '../../../graders/query';

/** r1 (the site's router) and r2 (the way out), as host sees them: gateway address and host's interface. */
const R1 = {gw: '10.0.1.1', dev: 'eth0'};
const R2 = {gw: '10.0.2.1', dev: 'eth1'};
const SITE = '10.20.0.0/16';
const SERVERS = ['10.20.1.10', '10.20.2.10', '10.20.3.10'] as const;
const INTERNET = '198.51.100.1';
const probeId = (dst: string) => `host-to-${dst.replaceAll('.', '-')}`;

const len = (r: Route) => prefixLength(routeCidr(r.dst, r.family));
const metric = (r: Route) => r.metric ?? 0;

/** "10.20.3.0/24 via 10.0.2.1 (/24, metric 100)", close to how `ip route` prints it. */
const routeText = (r: Route) =>
  `${r.type === 'unicast' ? '' : `${r.type} `}${r.dst}${r.gateway ? ` via ${r.gateway}` : ''}${r.dev ? ` dev ${r.dev}` : ''} (/${len(r)}, metric ${metric(r)})`;

/** host's main-table IPv4 routes that cover `dst`, in the order the kernel prefers them. */
function candidates(q: Query, dst: string): Route[] {
  return (q.ns('host')?.routes ?? [])
    .filter((r) => r.table === 'main' && r.family === 'inet' && inCidr(dst, routeCidr(r.dst, r.family)) === true)
    .sort((a, b) => len(b) - len(a) || metric(a) - metric(b));
}

const viaR1 = (r: Route | undefined) => r?.type === 'unicast' && r.gateway === R1.gw;

/**
 * Why does `dst` not go via r1? Names the route the lookup picks and, when a
 * route via r1 also matches, why that one loses: a shorter prefix (length is
 * compared first) or, at the same length, a higher metric.
 */
function explainLookup(q: Query, dst: string): string {
  const won = q.routeLookup(dst, 'host');
  if (!won)
    return `host has no route at all for ${dst} (\`ip -n host route get ${dst}\` says "Network is unreachable").`;
  const loser = candidates(q, dst).find((r) => r !== won && viaR1(r));
  let why = `${dst} matches ${routeText(won)}`;
  if (loser && len(loser) < len(won)) {
    why += `, which wins over ${routeText(loser)}: the kernel takes the longest matching prefix first and looks at the metric only between routes of the same length.`;
  } else if (loser) {
    why += `, which wins over ${routeText(loser)}: both are /${len(won)}, so the lower metric decides, and ${metric(won)} < ${metric(loser)}.`;
  } else {
    why += ', and no route via r1 covers it.';
  }
  if (won.gateway === R2.gw) why += ` r2 has no route into ${SITE}: it answers "Destination Net Unreachable".`;
  else if (won.type !== 'unicast') why += ` An ${won.type} route delivers nothing.`;
  return why;
}

/** Every address of `cidr` (a /24) goes via r1; the message names the first that does not. */
const subnetViaR1 =
  (nets: string[]): CheckFn =>
  (q) => {
    for (const net of nets) {
      const base = net.split('/')[0]?.split('.').slice(0, 3).join('.') ?? '';
      const server = SERVERS.find((s) => inCidr(s, net) === true);
      // The server first, so the message names the address the learner pings; the network address last.
      const order = [
        ...(server ? [server] : []),
        ...Array.from({length: 255}, (_, i) => `${base}.${i + 1}`),
        `${base}.0`,
      ];
      for (const dst of order) {
        if (viaR1(q.routeLookup(dst, 'host'))) continue;
        const serverOk = server !== undefined && viaR1(q.routeLookup(server, 'host'));
        return fail(
          (serverOk
            ? `${server} goes via r1 now, but not the rest of ${net}: `
            : `Not every address in ${net} goes via r1 (${R1.gw}): `) +
            explainLookup(q, dst) +
            ` \`ip -n host route get ${dst}\` shows the choice.`,
        );
      }
    }
    return pass();
  };

/** A ping from host must answer; on failure, say which route it took. */
const reaches =
  (targets: readonly string[]): CheckFn =>
  (q) => {
    const failed = targets.filter((t) => !probeOk(q, probeId(t)));
    if (failed.length === 0) return pass();
    const down = (['eth0', 'eth1'] as const)
      .map((n) => q.link(n, 'host'))
      .filter((l) => l && !(l.up && (l.operstate === 'UP' || l.operstate === 'UNKNOWN')))
      .map((l) => (l ? `host's ${l.name} is ${linkStateText(l, 'host')}.` : ''));
    const why = failed.map((t) => {
      const r = q.routeLookup(t, 'host');
      if (!r) return `host has no route to ${t}.`;
      const r2 =
        r.gateway === R2.gw && inCidr(t, SITE) === true
          ? ' r2 has no route there and answers "Destination Net Unreachable".'
          : '';
      return `host sends ${t} by ${routeText(r)}.${r2}`;
    });
    return fail(`No answer from ${failed.join(', ')}. ${[...down, ...why].join(' ')}`);
  };

export default defineExercise({
  id: 'routing/longest-prefix-match',
  title: 'Longest prefix match',
  probes: [...SERVERS, INTERNET].map((to) => ({id: probeId(to), kind: 'ping' as const, from: 'host', to})),
  hints: [
    'Two of the three servers answer. Ask the kernel which route it uses for each: `ip -n host route get ADDRESS`.',
    'More than one route can match an address. `ip -n host route show match 10.20.3.10` lists them all.',
  ],
  checks: [
    {
      id: 'subnet-3-via-r1',
      title: 'host sends all of 10.20.3.0/24 via r1 (10.0.1.1)',
      hints: [
        'Compare `ip -n host route get 10.20.3.10` with `ip -n host route get 10.20.1.10`: which gateway does each use, and which route gives it?',
        'The longest matching prefix wins, whatever the metric. A stale route that is more specific than the right one must go, or lead to r1.',
        '`ip -n host route del 10.20.3.0/24 via 10.0.2.1`',
      ],
      run: subnetViaR1(['10.20.3.0/24']),
    },
    {
      id: 'site-via-r1',
      title: 'host still sends 10.20.1.0/24 and 10.20.2.0/24 via r1',
      hints: [
        `The route for the whole site, ${SITE} via ${R1.gw}, was right: keep it.`,
        `\`ip -n host route add ${SITE} via ${R1.gw}\` puts it back.`,
      ],
      run: subnetViaR1(['10.20.1.0/24', '10.20.2.0/24']),
    },
    {
      id: 'internet-via-r2',
      title: `host still sends everything else (such as ${INTERNET}) via r2`,
      hints: [
        `Everything outside the site goes to r2 through host's default route: \`ip -n host route get ${INTERNET}\`.`,
        `\`ip -n host link set eth1 up\` and \`ip -n host route add default via ${R2.gw}\` if the default route is gone.`,
      ],
      run: (q) => {
        const r = q.routeLookup(INTERNET, 'host');
        if (r?.type === 'unicast' && r.gateway === R2.gw) return pass();
        const eth1 = q.link(R2.dev, 'host');
        const downNote =
          eth1 && !eth1.up
            ? ` host's eth1 is ${linkStateText(eth1, 'host')}: taking a link down removes every route through it, the default route included, and raising it again does not bring them back.`
            : '';
        return fail(
          (r
            ? `${INTERNET} goes ${routeText(r)}, not via r2 (${R2.gw}).`
            : `host has no route to ${INTERNET} any more: the default route via ${R2.gw} is gone.`) + downNote,
        );
      },
    },
    {
      id: 'reaches-servers',
      title: 'host can ping 10.20.1.10, 10.20.2.10 and 10.20.3.10',
      hints: ['`ip netns exec host ping -c1 10.20.3.10`, and `ip -n host route get 10.20.3.10` when it fails.'],
      run: reaches(SERVERS),
    },
    {
      id: 'reaches-internet',
      title: `host can ping ${INTERNET}`,
      hints: [`\`ip netns exec host ping -c1 ${INTERNET}\``],
      run: reaches([INTERNET]),
    },
  ],
});
