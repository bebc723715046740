/**
 * One learner's version of the lab, from their seed: a /24 block and three
 * host counts, and the carving the task asks for (largest subnet first, each
 * with the smallest prefix that fits its hosts plus the router, packed from
 * the start of the block; the router takes the first usable address of each
 * subnet, the host the last). Address math through ipaddr.js.
 */
import ipaddr from 'ipaddr.js';
import {z} from 'zod';
import {intIn, mulberry32} from '../../../src/drills/prng';

export const LANS = ['lan1', 'lan2', 'lan3'] as const;
export type Lan = (typeof LANS)[number];

/** Host counts per LAN: lan1 always needs more room than lan2 and lan3, so largest-first is lan1, lan2, lan3. */
const HOST_RANGES: Record<Lan, [number, number]> = {lan1: [31, 120], lan2: [7, 28], lan3: [2, 12]};

/** Smallest prefix whose subnet has room for `needed` addresses besides network and broadcast. */
export function smallestPrefix(needed: number): number {
  let p = 30;
  while (2 ** (32 - p) - 2 < needed) p--;
  return p;
}

export const usableHosts = (prefix: number): number => 2 ** (32 - prefix) - 2;

const toInt = (ip: string): number =>
  ipaddr.IPv4.parse(ip)
    .toByteArray()
    .reduce((n, b) => n * 256 + b, 0);
const fromInt = (n: number): string =>
  ipaddr.fromByteArray([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]).toString();

/** What the checks need about one LAN. */
export interface LanPlan {
  name: Lan;
  hosts: number;
  prefix: number;
  net: string;
  /** net/prefix */
  cidr: string;
  router: string;
  host: string;
  broadcast: string;
}

export interface Plan {
  block: string;
  lans: Record<Lan, LanPlan>;
}

/** The block and host counts for a seed: 10.A.B.0/24 and one count per LAN. */
function draw(seed: number): {a: number; b: number; hosts: Record<Lan, number>} {
  const rng = mulberry32(seed);
  const a = intIn(rng, 1, 254);
  const b = intIn(rng, 0, 255);
  const hosts = {lan1: 0, lan2: 0, lan3: 0};
  for (const l of LANS) hosts[l] = intIn(rng, ...HOST_RANGES[l]);
  return {a, b, hosts};
}

export function planFor(seed: number): Plan {
  const {a, b, hosts} = draw(seed);
  const block = `10.${a}.${b}.0/24`;
  let next = toInt(`10.${a}.${b}.0`);
  const lans = {} as Record<Lan, LanPlan>;
  for (const name of LANS) {
    const prefix = smallestPrefix(hosts[name] + 1);
    const size = 2 ** (32 - prefix);
    const net = fromInt(next);
    lans[name] = {
      name,
      hosts: hosts[name],
      prefix,
      net,
      cidr: `${net}/${prefix}`,
      router: fromInt(next + 1),
      host: fromInt(next + size - 2),
      broadcast: fromInt(next + size - 1),
    };
    next += size;
  }
  return {block, lans};
}

/** The shell variables scripts read and the task shows (graders/params.ts). */
export function params(seed: number): Record<string, string | number> {
  const plan = planFor(seed);
  const out: Record<string, string | number> = {BLOCK: plan.block, BASE: plan.block.split('.').slice(0, 3).join('.')};
  for (const l of LANS) {
    const p = plan.lans[l];
    const k = l.toUpperCase();
    out[`${k}_HOSTS`] = p.hosts;
    out[`${k}_PREFIX`] = p.prefix;
    out[`${k}_MASK`] = ipaddr.IPv4.subnetMaskFromPrefixLength(p.prefix).toString();
    out[`${k}_NET`] = p.net;
    out[`${k}_ROUTER`] = p.router;
    out[`${k}_HOST`] = p.host;
  }
  return out;
}

const Word = z.string().min(1);
const Count = z.number().int().min(1);

/** The plan back from the params a check receives; zod names the field when a recording's params are off. */
export function planFromParams(p: Readonly<Record<string, string | number>>): Plan {
  const block = Word.parse(p.BLOCK);
  const lans = {} as Record<Lan, LanPlan>;
  for (const name of LANS) {
    const k = name.toUpperCase();
    const prefix = Count.max(32).parse(p[`${k}_PREFIX`]);
    const net = Word.parse(p[`${k}_NET`]);
    lans[name] = {
      name,
      hosts: Count.parse(p[`${k}_HOSTS`]),
      prefix,
      net,
      cidr: `${net}/${prefix}`,
      router: Word.parse(p[`${k}_ROUTER`]),
      host: Word.parse(p[`${k}_HOST`]),
      broadcast: ipaddr.IPv4.broadcastAddressFromCIDR(`${net}/${prefix}`).toString(),
    };
  }
  return {block, lans};
}
