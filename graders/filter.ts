/**
 * What the forward hook's filter chains do to a packet: every iptables
 * (nft backend and legacy) FORWARD chain and every nftables base chain of
 * type filter on the forward hook. A packet is forwarded only if all of them
 * accept it, so each reports on its own. Like nat.ts, a rule this model
 * cannot evaluate makes the answer "unknown", never a drop.
 */
import type {NsState} from './model';
import type {IptTable} from './parse/iptables-model';
import type {NftRule} from './parse/nft-model';
import {iptRuleMatches, isObj, nftRuleMatches, nftRuleText, type Match, type Packet} from './netfilter';

export interface ChainVerdict {
  /** "iptables FORWARD chain", "iptables-legacy FORWARD chain", "nftables chain inet fw forward". */
  chain: string;
  verdict: 'accept' | 'drop' | 'unknown';
  /** The deciding rule, or "policy" when the packet fell through to the chain's policy. */
  by: string;
  why?: string;
}

type Act =
  {v: 'accept' | 'drop' | 'return'} | {v: 'unknown'; rule: string; why: string} | {v: 'drop'; rule: string} | null;

/** Terminal actions of a rule whose match is unknown make the outcome unknown; others let the walk go on. */
function settle(action: Act, m: Match, rule: string): Act | 'continue' {
  if (action === null) return 'continue';
  if (m.m === true || action.v === 'unknown') return action;
  return {v: 'unknown', rule, why: m.why ?? 'a match this grader cannot evaluate'};
}

const IPT_TERMINAL = new Set(['ACCEPT', 'DROP', 'REJECT', 'RETURN', 'QUEUE', 'NFQUEUE']);

function walkIpt(t: IptTable, chain: string, p: Packet, depth: number): Act {
  if (depth > 16) return null;
  for (const r of t.rules) {
    if (r.chain !== chain || !r.target) continue;
    const m = iptRuleMatches(r, p);
    if (m.m === false) continue;
    const name = r.target.name;
    let action: Act = null;
    if (name === 'ACCEPT') action = {v: 'accept'};
    else if (name === 'DROP' || name === 'REJECT') action = {v: 'drop', rule: r.line};
    else if (name === 'RETURN') action = {v: 'return'};
    else if (IPT_TERMINAL.has(name)) action = {v: 'unknown', rule: r.line, why: `the target ${name}`};
    else if (t.chains[name]?.policy === null) {
      const sub = walkIpt(t, name, p, depth + 1);
      action = sub && sub.v !== 'return' ? sub : r.target.goto ? {v: 'return'} : null;
    }
    // LOG, MARK and other non-terminating targets leave action null: the walk goes on.
    const s = settle(action, m, r.line);
    if (s !== 'continue') return s;
  }
  return null;
}

function walkNft(rules: NftRule[], family: string, table: string, chain: string, p: Packet, depth: number): Act {
  if (depth > 16) return null;
  for (const r of rules) {
    if (r.family !== family || r.table !== table || r.chain !== chain) continue;
    const m = nftRuleMatches(r, p);
    if (m.m === false) continue;
    const text = nftRuleText(r);
    let action: Act = null;
    for (const e of r.expr) {
      if (!isObj(e) || action) continue;
      if ('accept' in e) action = {v: 'accept'};
      else if ('drop' in e || 'reject' in e) action = {v: 'drop', rule: text};
      else if ('return' in e) action = {v: 'return'};
      else if ('vmap' in e) action = {v: 'unknown', rule: text, why: 'a verdict map (vmap)'};
      else {
        const jump = isObj(e.jump) ? e.jump : isObj(e.goto) ? e.goto : undefined;
        if (jump && typeof jump.target === 'string') {
          const sub = walkNft(rules, family, table, jump.target, p, depth + 1);
          action = sub && sub.v !== 'return' ? sub : isObj(e.goto) ? {v: 'return'} : null;
        }
      }
    }
    const s = settle(action, m, text);
    if (s !== 'continue') return s;
  }
  return null;
}

function verdict(chain: string, act: Act, policy: string | undefined): ChainVerdict {
  if (act && act.v === 'unknown') return {chain, verdict: 'unknown', by: act.rule, why: act.why};
  // iptables-save lines start with their counters, which mean nothing to a learner.
  if (act && act.v === 'drop')
    return {chain, verdict: 'drop', by: 'rule' in act ? act.rule.replace(/^\[\d+:\d+\]\s*/, '') : 'a rule'};
  if (act && act.v === 'accept') return {chain, verdict: 'accept', by: 'a rule'};
  const drops = policy?.toLowerCase() === 'drop';
  return {chain, verdict: drops ? 'drop' : 'accept', by: 'policy'};
}

/** How each forward-hook filter chain in a namespace treats `p`. Chains with nothing to say are left out. */
export function forwardFilter(ns: NsState, p: Packet): ChainVerdict[] {
  const out: ChainVerdict[] = [];
  const ipt = ns.iptables;
  const iptFilter = ipt?.nft.tables.filter;
  for (const [t, tool] of [
    [iptFilter, 'iptables'],
    [ipt?.legacy.tables.filter, 'iptables-legacy'],
  ] as const) {
    const fwd = t?.chains.FORWARD;
    if (!t || !fwd) continue;
    out.push(verdict(`${tool} FORWARD chain`, walkIpt(t, 'FORWARD', p, 0), fwd.policy ?? undefined));
  }
  for (const c of ns.nft?.chains ?? []) {
    if (c.type !== 'filter' || c.hook !== 'forward' || !['ip', 'inet'].includes(c.family)) continue;
    // iptables-nft's own chains were judged through iptables-save above.
    if (c.family === 'ip' && c.table === 'filter' && iptFilter?.chains[c.name]) continue;
    out.push(
      verdict(
        `nftables chain ${c.family} ${c.table} ${c.name}`,
        walkNft(ns.nft?.rules ?? [], c.family, c.table, c.name, p, 0),
        c.policy,
      ),
    );
  }
  return out;
}
