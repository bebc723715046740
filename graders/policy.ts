/**
 * The route the kernel picks for one packet, rules included: Query.routeLookup
 * follows only the selector-less rules (what most labs use), so a route kept
 * in another table behind `ip rule add to 10.244.2.0/24 table 100` would look
 * missing. Here a rule's from/to prefixes and its iif are matched against the
 * packet; a rule this module cannot evaluate (fwmark, `not`) makes the answer
 * 'unknown', so the caller lets a live probe decide instead of failing.
 */
import {inCidr, prefixLength, routeCidr} from './addr';
import type {Route, Rule} from './model';
import type {Query} from './query';

export interface RoutedPacket {
  src: string;
  dst: string;
  /** Interface it arrived on; "lo" or undefined for a packet the namespace sends itself. */
  iif?: string;
}

/** Longest prefix, then lowest metric, within one table. */
export function tableLookup(routes: Route[], table: string, dst: string): Route | undefined {
  let best: Route | undefined;
  for (const r of routes) {
    if (r.table !== table || r.family !== 'inet' || r.type === 'broadcast') continue;
    const cidr = routeCidr(r.dst, r.family);
    if (inCidr(dst, cidr) !== true) continue;
    const len = prefixLength(cidr);
    const bestLen = best ? prefixLength(routeCidr(best.dst, best.family)) : -1;
    if (len > bestLen || (len === bestLen && (r.metric ?? 0) < (best?.metric ?? 0))) best = r;
  }
  return best;
}

const prefixMatches = (ip: string, p: string | undefined) =>
  p === undefined || p === 'all' || inCidr(ip, routeCidr(p, 'inet')) === true;

function ruleMatches(rule: Rule, p: RoutedPacket): boolean | 'unknown' {
  if (rule.fwmark !== undefined || rule.not) return 'unknown';
  // oif rules select only sockets bound to a device; forwarded packets never match them.
  if (rule.oif !== undefined) return false;
  if (rule.iif !== undefined && rule.iif !== (p.iif ?? 'lo')) return false;
  return prefixMatches(p.src, rule.src) && prefixMatches(p.dst, rule.dst);
}

/** The route for `p` in namespace `ns`, following `ip rule` in priority order. */
export function policyLookup(q: Query, ns: string | undefined, p: RoutedPacket): Route | undefined | 'unknown' {
  const n = q.ns(ns);
  if (!n) return undefined;
  if (n.rules.length === 0) return q.routeLookup(p.dst, ns);
  for (const rule of [...n.rules].sort((a, b) => a.priority - b.priority)) {
    const m = ruleMatches(rule, p);
    if (m === 'unknown') return 'unknown';
    if (!m) continue;
    // unreachable, blackhole, prohibit: the packet stops here.
    if (rule.action !== undefined && rule.action !== 'lookup' && rule.action !== 'to_tbl') return undefined;
    const r = rule.table ? tableLookup(n.routes, rule.table, p.dst) : undefined;
    if (r) return r;
  }
  return undefined;
}
