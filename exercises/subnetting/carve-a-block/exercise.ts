import ipaddr from 'ipaddr.js';
import {inCidr, networkOf} from '../../../graders/addr';
import {probeOk} from '../../../graders/checks';
import {diagnoseFlow, explain} from '../../../graders/diagnose';
import {defineExercise, fail, pass, type CheckOutcome, type Params} from '../../../graders/exercise';
import type {Address} from '../../../graders/model';
import type {Query} from '../../../graders/query';
import {LANS, type Lan, type LanPlan, params, planFromParams, usableHosts} from './plan';

/** Each LAN's host pings the next LAN's host; a ping needs both directions, so three cover every pair. */
const PAIRS: [Lan, Lan][] = [
  ['lan1', 'lan2'],
  ['lan2', 'lan3'],
  ['lan3', 'lan1'],
];
const routerIf = (l: Lan) => `to-${l}`;

/** The IPv4 addresses on one side of a LAN's link: `eth0` in the LAN, `to-lanN` in router. */
function side(q: Query, l: Lan, where: 'host' | 'router'): Address[] {
  const [dev, ns] = where === 'host' ? ['eth0', l] : [routerIf(l), 'router'];
  return (q.link(dev, ns)?.addresses ?? []).filter((a) => a.family === 'inet');
}
const label = (l: Lan, where: 'host' | 'router') => (where === 'host' ? `${l}'s eth0` : `router's ${routerIf(l)}`);
const cidr = (a: Address) => `${a.local}/${a.prefixlen}`;

/** The subnet the learner gave a LAN: the host's address and prefix, else router's on that link. */
function subnetOf(q: Query, l: Lan): string | undefined {
  const a = side(q, l, 'host')[0] ?? side(q, l, 'router')[0];
  return a ? networkOf(a.local, a.prefixlen) : undefined;
}

const range = (c: string) => {
  const [net] = ipaddr.parseCIDR(c);
  const p = Number(c.split('/')[1]);
  const first = net.toString();
  const last = ipaddr.IPv4.broadcastAddressFromCIDR(`${first}/${p}`).toString();
  return `${first} to ${last}`;
};

/** The first failure among the LANs, or pass. */
function each(fn: (l: Lan) => CheckOutcome | undefined): CheckOutcome {
  for (const l of LANS) {
    const r = fn(l);
    if (r && !r.ok) return r;
  }
  return pass();
}

function insideBlock(q: Query, p: Params): CheckOutcome {
  const {block} = planFromParams(p);
  return each((l) => {
    for (const where of ['router', 'host'] as const) {
      const addrs = side(q, l, where);
      if (addrs.length === 0)
        return fail(`${label(l, where)} has no IPv4 address yet. Every interface on the three links needs one.`);
      const out = addrs.find((a) => inCidr(a.local, block) !== true);
      if (out)
        return fail(
          `${cidr(out)} on ${label(l, where)} is outside your block ${block} (${range(block)}). Every subnet, and so every address, must come from your own block: another block belongs to someone else.`,
        );
    }
    return undefined;
  });
}

function bigEnough(q: Query, p: Params): CheckOutcome {
  const plan = planFromParams(p);
  return each((l) => {
    const s = subnetOf(q, l);
    const need = plan.lans[l].hosts + 1;
    const pl = Number(s?.split('/')[1]);
    if (s && usableHosts(pl) < need)
      return fail(
        `${l}'s subnet ${s} is too small: a /${pl} has ${2 ** (32 - pl)} addresses, ${usableHosts(pl)} of them usable once the network and broadcast addresses are set aside, and ${l} needs ${need} (${plan.lans[l].hosts} hosts and the router). Each bit you take off the prefix doubles the subnet.`,
      );
    return undefined;
  });
}

function smallest(q: Query, p: Params): CheckOutcome {
  const plan = planFromParams(p);
  return each((l) => {
    const s = subnetOf(q, l);
    const {prefix, hosts} = plan.lans[l];
    const pl = Number(s?.split('/')[1]);
    if (s && pl !== prefix)
      return fail(
        `${l}'s subnet ${s} holds ${usableHosts(pl)} hosts, but the smallest prefix for ${hosts + 1} addresses (${hosts} hosts and the router) is /${prefix}, with ${usableHosts(prefix)}. The task asks for the smallest fit, so the rest of the block stays free for later.`,
      );
    return undefined;
  });
}

function noOverlap(q: Query): CheckOutcome {
  for (const [a, b] of [...PAIRS]) {
    const sa = subnetOf(q, a);
    const sb = subnetOf(q, b);
    if (!sa || !sb) continue;
    const [na] = ipaddr.parseCIDR(sa);
    const [nb] = ipaddr.parseCIDR(sb);
    if (na.match(ipaddr.parseCIDR(sb)) || nb.match(ipaddr.parseCIDR(sa)))
      return fail(
        `${a}'s subnet ${sa} (${range(sa)}) and ${b}'s subnet ${sb} (${range(sb)}) overlap: the same addresses would be on two links, and router could not tell where to send them. Place each subnet after the end of the one before.`,
      );
  }
  return pass();
}

function layout(q: Query, p: Params): CheckOutcome {
  const plan = planFromParams(p);
  let prev: LanPlan | undefined;
  for (const l of LANS) {
    const want = plan.lans[l];
    const s = subnetOf(q, l);
    if (s !== want.cidr) {
      const where = prev
        ? `right after ${prev.name}'s ${prev.cidr}, which ends at ${prev.broadcast}`
        : `at the start of the block ${plan.block}`;
      return fail(`${l}'s subnet is ${s ?? 'missing'}; the task puts it ${where}: ${want.cidr}.`);
    }
    prev = want;
  }
  return pass();
}

/**
 * router has the first usable address of each subnet, the LAN's host the last
 * one. An extra address that is the subnet's network or broadcast address
 * fails too, even beside the right one: no host may use those.
 */
const addressIs =
  (where: 'host' | 'router') =>
  (q: Query, p: Params): CheckOutcome => {
    const plan = planFromParams(p);
    return each((l) => {
      const want = plan.lans[l];
      const ip = where === 'host' ? want.host : want.router;
      const found = side(q, l, where);
      const reserved = found.find((a) => a.local === want.net || a.local === want.broadcast);
      if (reserved) {
        const what =
          reserved.local === want.net
            ? 'the network address (all host bits 0): it names the subnet'
            : 'the broadcast address (all host bits 1): a packet to it goes to every host on the link';
        return fail(
          `${label(l, where)} has ${cidr(reserved)}, ${what} of ${want.cidr}, so no host may use it. The kernel does not stop you; ` +
            `use ${ip}/${want.prefix}, ${where === 'host' ? 'the last' : 'the first'} usable address, instead.`,
        );
      }
      if (found.some((a) => a.local === ip && a.prefixlen === want.prefix)) return undefined;
      const which = where === 'host' ? 'the last usable address' : 'the first usable address';
      return fail(
        `${label(l, where)} has ${found.map(cidr).join(', ')}, not ${ip}/${want.prefix}, ${which} of ${want.cidr}.`,
      );
    });
  };

function forwards(q: Query): CheckOutcome {
  const off = LANS.filter((l) => !q.forwards(routerIf(l), 'router'));
  if (off.length === 0) return pass();
  return fail(
    `router does not forward packets arriving on ${off.map(routerIf).join(', ')} (net.ipv4.ip_forward = ${q.sysctl('net.ipv4.ip_forward', 'router') ?? '?'} in router), so the LANs reach router but not each other. \`ip netns exec router sysctl -w net.ipv4.ip_forward=1\``,
  );
}

function routes(q: Query, p: Params): CheckOutcome {
  const plan = planFromParams(p);
  return each((l) => {
    const gw = plan.lans[l].router;
    for (const other of LANS.filter((o) => o !== l)) {
      const dst = plan.lans[other].host;
      const r = q.routeLookup(dst, l);
      if (r?.type === 'unicast' && r.gateway === gw) continue;
      const found = r ? `its route ${r.dst}${r.gateway ? ` via ${r.gateway}` : ` dev ${r.dev ?? '?'}`}` : 'no route';
      return fail(
        `${l} has ${found} for ${dst} (${other}'s host). It needs one via router's address on its own link, ${gw}: a route to ${plan.lans[other].cidr}, to the whole block ${plan.block}, or a default route.`,
      );
    }
    return undefined;
  });
}

const reaches =
  (from: Lan, to: Lan) =>
  (q: Query, p: Params): CheckOutcome => {
    if (probeOk(q, `${from}-to-${to}`)) return pass();
    const plan = planFromParams(p);
    const why = explain(
      diagnoseFlow(q.state, {
        router: 'router',
        client: plan.lans[from].host,
        server: plan.lans[to].host,
        iif: routerIf(from),
        clientName: from,
        serverName: to,
      }),
    );
    return fail(
      `A ping from ${from} to ${plan.lans[to].host} got no answer.${why ? ` ${why}` : ` Watch where it stops: \`ip netns exec router tcpdump -n -i ${routerIf(to)} icmp\`.`}`,
    );
  };

export default defineExercise({
  id: 'subnetting/carve-a-block',
  title: 'Carve a block into three subnets',
  deepNamespaces: ['router'],
  params,
  paramProbes: (p) => {
    const plan = planFromParams(p);
    return PAIRS.map(([from, to]) => ({id: `${from}-to-${to}`, kind: 'ping' as const, from, to: plan.lans[to].host}));
  },
  // Recorded in CI: one block where lan1 is a /26, one where it is a /25, one with a /29 for lan3.
  seeds: [4, 7, 21],
  hints: [
    'Work out each subnet on paper first: hosts + 1 for the router, then the smallest power of two that holds that many plus 2 (network and broadcast).',
    'Largest first: lan1 at the start of the block, then lan2 where lan1 ends, then lan3 where lan2 ends.',
  ],
  checks: [
    {
      id: 'inside-block',
      title: 'every address on the three links is inside your block',
      hints: ['Take all addresses from your own block; `ip -br -n router addr` lists what router has.'],
      run: insideBlock,
    },
    {
      id: 'big-enough',
      title: "each LAN's subnet has room for its hosts and the router",
      dependsOn: ['inside-block'],
      hints: ['A /N has 2^(32-N) addresses, and two of them (network, broadcast) are not for hosts.'],
      run: bigEnough,
    },
    {
      id: 'smallest-prefix',
      title: 'each subnet has the smallest prefix that fits',
      dependsOn: ['big-enough'],
      hints: ['Try the prefix one longer: if it no longer fits, the one you have is the smallest.'],
      run: smallest,
    },
    {
      id: 'no-overlap',
      title: 'the three subnets do not overlap',
      dependsOn: ['inside-block'],
      hints: ['Write each subnet as a range, first to last address; no two ranges may share an address.'],
      run: noOverlap,
    },
    {
      id: 'layout',
      title: 'the subnets are packed largest first from the start of the block',
      dependsOn: ['smallest-prefix', 'no-overlap'],
      hints: ["lan2's network address is the address right after lan1's broadcast address."],
      run: layout,
    },
    {
      id: 'router-addresses',
      title: "router has the first usable address of each LAN's subnet",
      dependsOn: ['layout'],
      hints: ['The first usable address is the network address + 1.'],
      run: addressIs('router'),
    },
    {
      id: 'host-addresses',
      title: 'each LAN host has the last usable address of its subnet',
      dependsOn: ['layout'],
      hints: ['The last usable address is the broadcast address - 1; the broadcast address itself is not for hosts.'],
      run: addressIs('host'),
    },
    {
      id: 'router-forwards',
      title: 'router forwards IPv4 packets',
      hints: ['Forwarding is a sysctl of the router namespace: `ip netns exec router sysctl ...`.'],
      run: forwards,
    },
    {
      id: 'routes',
      title: "each LAN has a route to the others via router's address on its link",
      dependsOn: ['router-addresses', 'host-addresses'],
      hints: ['One route per LAN can cover the other two: the whole block, or a default route.'],
      run: routes,
    },
    ...PAIRS.map(([from, to]) => ({
      id: `${from}-reaches-${to}`,
      title: `${from} and ${to} can ping each other`,
      dependsOn: ['routes', 'router-forwards'],
      hints: [`\`ip netns exec ${from} ping -c 1 <${to}'s address>\``],
      run: reaches(from, to),
    })),
  ],
});
