/**
 * Does one iptables or nftables rule match a packet? Three answers: yes, no,
 * or "unknown" when the rule uses something this module does not model (a
 * named set, a map, conntrack state, a protocol match...). Callers must treat
 * "unknown" as unknown, never as a mismatch: a valid rule the grader cannot
 * read is still valid, and the live probes decide.
 */
import type {IptRule} from './parse/iptables-model';
import type {NftRule} from './parse/nft-model';
import {inCidr} from './addr';

export interface Packet {
  src: string;
  dst: string;
  /** Interface the packet leaves through. */
  oif: string;
  /** Interface it arrived on; undefined for locally generated packets. */
  iif?: string;
}

export type Tri = boolean | 'unknown';

/** A match result with, when unknown, what could not be evaluated (for messages). */
export interface Match {
  m: Tri;
  why?: string;
}

const YES: Match = {m: true};

export function and(a: Match, b: Match): Match {
  if (a.m === false || b.m === false) return {m: false};
  if (a.m === 'unknown') return a;
  if (b.m === 'unknown') return b;
  return YES;
}

const unknown = (why: string): Match => ({m: 'unknown', why});

/** iptables interface match: a trailing "+" is a prefix wildcard. */
function ifMatch(pattern: string, name: string | undefined, what: string): Match {
  if (name === undefined) return unknown(what);
  return {m: pattern.endsWith('+') ? name.startsWith(pattern.slice(0, -1)) : pattern === name};
}

function addrMatch(spec: string, ip: string, what: string): Match {
  const r = inCidr(ip, spec.includes('/') ? spec : `${spec}/32`);
  return r === undefined ? unknown(what) : {m: r};
}

const not = (x: Match): Match => (x.m === 'unknown' ? x : {m: !x.m});

export function iptRuleMatches(r: IptRule, p: Packet): Match {
  let result = YES;
  for (const b of r.basics) {
    const v = b.values[0] ?? '';
    const what = `the match \`${b.negated ? '! ' : ''}${b.name} ${v}\``;
    let m: Match = unknown(what);
    if (b.name === '-s') m = addrMatch(v, p.src, what);
    else if (b.name === '-d') m = addrMatch(v, p.dst, what);
    else if (b.name === '-o') m = ifMatch(v, p.oif, what);
    else if (b.name === '-i') m = ifMatch(v, p.iif, what);
    result = and(result, b.negated ? not(m) : m);
  }
  // Comments never change what matches; every other module is beyond this model.
  for (const mt of r.matches)
    if (mt.module !== 'comment') result = and(result, unknown(`the match \`-m ${mt.module}\``));
  return result;
}

export function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Value of the packet field an nft match's left side names, or undefined if we do not model it. */
function nftLeft(left: unknown, p: Packet): string | undefined {
  if (!isObj(left)) return undefined;
  if (isObj(left.payload) && left.payload.protocol === 'ip') {
    if (left.payload.field === 'saddr') return p.src;
    if (left.payload.field === 'daddr') return p.dst;
  }
  if (isObj(left.meta)) {
    if (left.meta.key === 'oifname' || left.meta.key === 'oif') return p.oif;
    if (left.meta.key === 'iifname' || left.meta.key === 'iif') return p.iif;
  }
  return undefined;
}

function nftRightHas(right: unknown, value: string): Match {
  if (typeof right === 'string') {
    // "@name" is a named set; its elements are not kept in the model.
    if (right.startsWith('@')) return unknown(`the named set ${right}`);
    if (/^[\d.]+(\/\d+)?$/.test(right)) return addrMatch(right, value, `the address ${right}`);
    return {m: right.endsWith('*') ? value.startsWith(right.slice(0, -1)) : right === value};
  }
  if (isObj(right) && isObj(right.prefix)) {
    const {addr, len} = right.prefix;
    return typeof addr === 'string' && typeof len === 'number'
      ? addrMatch(`${addr}/${len}`, value, 'a prefix')
      : unknown('a prefix');
  }
  if (isObj(right) && Array.isArray(right.set)) {
    // An anonymous set matches if any element does; unknown if none does but one might.
    let out: Match = {m: false};
    for (const el of right.set) {
      const m = nftRightHas(el, value);
      if (m.m === true) return m;
      if (m.m === 'unknown') out = m;
    }
    return out;
  }
  if (isObj(right) && isObj(right.range)) return unknown('an address range');
  return unknown('a value this grader does not model');
}

/** Describes an nft left-hand side for "could not evaluate" messages. */
function leftText(left: unknown): string {
  if (isObj(left)) {
    if (isObj(left.payload)) return `${String(left.payload.protocol)} ${String(left.payload.field)}`;
    if (isObj(left.meta)) return `meta ${String(left.meta.key)}`;
    if (isObj(left.ct)) return `ct ${String(left.ct.key)}`;
    const k = Object.keys(left)[0];
    if (k) return k;
  }
  return 'an expression';
}

/** Statements that neither filter nor decide, so they never make a rule unknown. */
const INERT = new Set(['counter', 'log', 'comment', 'notrack']);
/** Statements whose effect is the rule's action, handled by the chain walkers. */
const ACTIONS = new Set([
  'masquerade',
  'snat',
  'dnat',
  'accept',
  'drop',
  'reject',
  'return',
  'jump',
  'goto',
  'continue',
]);

/** The match part of an nft rule: every `match` expression and any unmodelled statement. */
export function nftRuleMatches(r: NftRule, p: Packet): Match {
  let result = YES;
  for (const e of r.expr) {
    if (!isObj(e)) continue;
    if (isObj(e.match)) {
      const value = nftLeft(e.match.left, p);
      if (value === undefined) {
        result = and(result, unknown(`the match on ${leftText(e.match.left)}`));
        continue;
      }
      const m = nftRightHas(e.match.right, value);
      result = and(result, e.match.op === '!=' ? not(m) : m);
      continue;
    }
    const key = Object.keys(e)[0] ?? '';
    if (INERT.has(key) || ACTIONS.has(key)) continue;
    // vmap (verdict map), limit, quota, meter...: they may divert or stop the packet.
    result = and(
      result,
      unknown(key === 'vmap' ? 'a verdict map (vmap)' : key === 'map' ? 'a map' : `the statement "${key}"`),
    );
  }
  return result;
}

/** nft rules as `nft list ruleset` would show them is too costly to rebuild; a compact JSON is honest. */
export const nftRuleText = (r: NftRule): string => `${r.family} ${r.table} ${r.chain}: ${JSON.stringify(r.expr)}`;
