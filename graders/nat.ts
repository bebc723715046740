/**
 * Decides what source NAT a namespace applies to a packet, whichever tool
 * wrote the rules: iptables (nft backend or legacy) MASQUERADE or SNAT, or
 * native nftables masquerade/snat. The answer is tri-state: a rule applies
 * (masquerade/snat), none does ("none"), or a rule that may apply uses
 * something the grader cannot evaluate ("unknown": a named set, a map, a
 * conntrack match...). "unknown" is never a mismatch: the check then lets
 * the live probe decide.
 */
import type {NsState} from './model';
import type {IptTable} from './parse/iptables-model';
import type {NftRule} from './parse/nft-model';
import {iptRuleMatches, isObj, nftRuleMatches, nftRuleText, type Match, type Packet} from './netfilter';

export type {Packet} from './netfilter';

export type NatTool = 'iptables' | 'iptables-legacy' | 'nftables';
export type NatDecision =
  | {kind: 'masquerade'; to: string | undefined; rule: string; tool: NatTool}
  | {kind: 'snat'; to: string; rule: string; tool: NatTool}
  /** `rule` may or may not apply; `why` names what could not be evaluated. */
  | {kind: 'unknown'; rule: string; tool: NatTool; why: string}
  | {kind: 'none'};

/** The three answers a check acts on. */
export function natStatus(d: NatDecision): 'matches' | 'no-match' | 'unknown' {
  return d.kind === 'none' ? 'no-match' : d.kind === 'unknown' ? 'unknown' : 'matches';
}

const MASQ_ADDR = (ns: NsState, oif: string) =>
  ns.links.find((l) => l.name === oif)?.addresses.find((a) => a.family === 'inet' && a.scope !== 'host')?.local;

type Step = NatDecision | {kind: 'accept'} | {kind: 'return'} | null;

/**
 * What a rule whose match is unknown does to the verdict: if its action could
 * end the walk (NAT, accept, return, a jump that leads somewhere decisive),
 * the whole answer is unknown; if it could not (a counter, a jump into a
 * chain with nothing decisive), the walk goes on.
 */
function settle(action: Step, m: Match, rule: string, tool: NatTool): Step | 'continue' {
  if (action === null) return 'continue';
  if (m.m === true) return action;
  if (action.kind === 'unknown') return action;
  return {kind: 'unknown', rule, tool, why: m.why ?? 'a match this grader cannot evaluate'};
}

function walkIpt(table: IptTable, chain: string, p: Packet, ns: NsState, tool: NatTool, depth: number): Step {
  if (depth > 16) return null;
  for (const r of table.rules) {
    if (r.chain !== chain || !r.target) continue;
    const m = iptRuleMatches(r, p);
    if (m.m === false) continue;
    const t = r.target;
    let action: Step = null;
    if (t.name === 'MASQUERADE') action = {kind: 'masquerade', to: MASQ_ADDR(ns, p.oif), rule: r.line, tool};
    else if (t.name === 'SNAT') {
      const to = t.options.find((o) => o.name === 'to-source')?.values[0] ?? '';
      action = {kind: 'snat', to: to.split(/[-:]/)[0], rule: r.line, tool};
    } else if (t.name === 'ACCEPT') action = {kind: 'accept'};
    else if (t.name === 'RETURN') action = {kind: 'return'};
    else if (table.chains[t.name] && table.chains[t.name].policy === null) {
      const sub = walkIpt(table, t.name, p, ns, tool, depth + 1);
      // A goto never comes back, so a chain that falls through ends this one too.
      action = sub && sub.kind !== 'return' ? sub : t.goto ? {kind: 'return'} : null;
    }
    const s = settle(action, m, r.line, tool);
    if (s !== 'continue') return s;
  }
  return null;
}

/** The action of one nft rule, following jumps; "opaque" for a verdict map this model cannot follow. */
function nftAction(r: NftRule, p: Packet, ns: NsState, depth: number, rules: NftRule[]): Step | 'opaque' {
  const text = nftRuleText(r);
  for (const e of r.expr) {
    if (!isObj(e)) continue;
    if ('masquerade' in e) return {kind: 'masquerade', to: MASQ_ADDR(ns, p.oif), rule: text, tool: 'nftables'};
    if (isObj(e.snat)) {
      const addr = e.snat.addr;
      return {kind: 'snat', to: typeof addr === 'string' ? addr.split('-')[0] : '?', rule: text, tool: 'nftables'};
    }
    if ('accept' in e) return {kind: 'accept'};
    if ('return' in e) return {kind: 'return'};
    if ('vmap' in e) return 'opaque';
    const jump = isObj(e.jump) ? e.jump : isObj(e.goto) ? e.goto : undefined;
    if (jump && typeof jump.target === 'string') {
      const sub = walkNft(rules, r.family, r.table, jump.target, p, ns, depth + 1);
      if (sub && sub.kind !== 'return') return sub;
      return isObj(e.goto) ? {kind: 'return'} : null;
    }
  }
  return null;
}

function walkNft(
  rules: NftRule[],
  family: string,
  table: string,
  chain: string,
  p: Packet,
  ns: NsState,
  depth: number,
): Step {
  if (depth > 16) return null;
  for (const r of rules) {
    if (r.family !== family || r.table !== table || r.chain !== chain) continue;
    const m = nftRuleMatches(r, p);
    if (m.m === false) continue;
    const action = nftAction(r, p, ns, depth, rules);
    const text = nftRuleText(r);
    if (action === 'opaque')
      return {kind: 'unknown', rule: text, tool: 'nftables', why: m.why ?? 'a verdict map (vmap)'};
    const s = settle(action, m, text, 'nftables');
    if (s !== 'continue') return s;
  }
  return null;
}

const decisive = (d: Step): d is NatDecision =>
  d !== null && d.kind !== 'accept' && d.kind !== 'return' && d.kind !== 'none';

/** The source NAT that applies to `p` leaving a namespace: masquerade/snat, "unknown" or "none". */
export function sourceNat(ns: NsState, p: Packet): NatDecision {
  const ipt = ns.iptables;
  const iptNat = ipt?.nft.tables.nat;
  const dumps: [IptTable | undefined, NatTool][] = [
    [iptNat, 'iptables'],
    [ipt?.legacy.tables.nat, 'iptables-legacy'],
  ];
  for (const [table, tool] of dumps) {
    if (!table?.chains.POSTROUTING) continue;
    const d = walkIpt(table, 'POSTROUTING', p, ns, tool, 0);
    if (decisive(d)) return d;
  }
  const nft = ns.nft;
  if (nft) {
    const base = nft.chains
      .filter((c) => c.type === 'nat' && c.hook === 'postrouting' && (c.family === 'ip' || c.family === 'inet'))
      // Chains iptables-nft made are already judged through iptables-save above.
      .filter((c) => !(c.family === 'ip' && iptNat?.chains[c.name] && c.table === 'nat'))
      .sort((a, b) => (a.prio ?? 0) - (b.prio ?? 0));
    for (const c of base) {
      const d = walkNft(nft.rules, c.family, c.table, c.name, p, ns, 0);
      if (decisive(d)) return d;
    }
  }
  return {kind: 'none'};
}

/** Every source-NAT rule in a namespace, for messages such as "your rule only covers veth-lan". */
export function sourceNatRules(ns: NsState): {tool: NatTool; text: string}[] {
  const out: {tool: NatTool; text: string}[] = [];
  const fromIpt = (t: IptTable | undefined, tool: NatTool) => {
    for (const r of t?.rules ?? []) {
      if (r.target?.name === 'MASQUERADE' || r.target?.name === 'SNAT')
        out.push({tool, text: r.line.replace(/^\[\d+:\d+\]\s*/, '')});
    }
  };
  fromIpt(ns.iptables?.nft.tables.nat, 'iptables');
  fromIpt(ns.iptables?.legacy.tables.nat, 'iptables-legacy');
  for (const r of ns.nft?.rules ?? []) {
    const iptOwned = r.family === 'ip' && r.table === 'nat' && ns.iptables?.nft.tables.nat?.chains[r.chain];
    if (iptOwned) continue;
    if (r.expr.some((e) => isObj(e) && ('masquerade' in e || 'snat' in e)))
      out.push({tool: 'nftables', text: nftRuleText(r)});
  }
  return out;
}
