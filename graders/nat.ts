/**
 * Decides what source NAT the root (or any) namespace applies to a packet,
 * whichever tool wrote the rules: iptables (nft backend or legacy) MASQUERADE
 * or SNAT, or native nftables masquerade/snat. Matches it cannot evaluate
 * count as matching: the live probe is the final word, this only explains.
 */
import type { NsState } from "./model";
import type { IptTable, IptRule } from "./parse/iptables-model";
import type { NftRule } from "./parse/nft-model";
import { inCidr } from "./addr";

export interface Packet {
  src: string;
  dst: string;
  /** Interface the packet leaves through. */
  oif: string;
  iif?: string;
}

export type NatDecision =
  | { kind: "masquerade"; to: string | undefined; rule: string; tool: NatTool }
  | { kind: "snat"; to: string; rule: string; tool: NatTool }
  | { kind: "none" };
export type NatTool = "iptables" | "iptables-legacy" | "nftables";

type Tri = boolean | "unknown";
const and = (a: Tri, b: Tri): Tri => (a === false || b === false ? false : a === "unknown" || b === "unknown" ? "unknown" : true);

/** iptables interface match: a trailing "+" is a prefix wildcard. */
function ifMatch(pattern: string, name: string | undefined): Tri {
  if (name === undefined) return "unknown";
  return pattern.endsWith("+") ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}

function addrMatch(spec: string, ip: string): Tri {
  const r = inCidr(ip, spec.includes("/") ? spec : `${spec}/32`);
  return r === undefined ? "unknown" : r;
}

function iptRuleMatches(r: IptRule, p: Packet): Tri {
  let result: Tri = true;
  for (const b of r.basics) {
    const v = b.values[0] ?? "";
    let m: Tri = "unknown";
    if (b.name === "-s") m = addrMatch(v, p.src);
    else if (b.name === "-d") m = addrMatch(v, p.dst);
    else if (b.name === "-o") m = ifMatch(v, p.oif);
    else if (b.name === "-i") m = ifMatch(v, p.iif);
    if (b.negated && m !== "unknown") m = !m;
    result = and(result, m);
  }
  for (const mt of r.matches) if (mt.module !== "comment") result = and(result, "unknown");
  return result;
}

const MASQ_ADDR = (ns: NsState, oif: string) =>
  ns.links.find((l) => l.name === oif)?.addresses.find((a) => a.family === "inet" && a.scope !== "host")?.local;

type Step = NatDecision | { kind: "accept" } | { kind: "return" } | null;

function walkIpt(table: IptTable, chain: string, p: Packet, ns: NsState, tool: NatTool, depth: number): Step {
  if (depth > 16) return null;
  for (const r of table.rules) {
    if (r.chain !== chain || !r.target || iptRuleMatches(r, p) === false) continue;
    const t = r.target;
    if (t.name === "MASQUERADE") return { kind: "masquerade", to: MASQ_ADDR(ns, p.oif), rule: r.line, tool };
    if (t.name === "SNAT") {
      const to = t.options.find((o) => o.name === "to-source")?.values[0] ?? "";
      return { kind: "snat", to: to.split(/[-:]/)[0], rule: r.line, tool };
    }
    if (t.name === "ACCEPT") return { kind: "accept" };
    if (t.name === "RETURN") return { kind: "return" };
    if (table.chains[t.name] && table.chains[t.name].policy === null) {
      const sub = walkIpt(table, t.name, p, ns, tool, depth + 1);
      if (sub && sub.kind !== "return") return sub;
      if (t.goto) return { kind: "return" };
    }
  }
  return null;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Value of the packet field an nft match's left side names, or undefined if we do not model it. */
function nftLeft(left: unknown, p: Packet): string | undefined {
  if (!isObj(left)) return undefined;
  if (isObj(left.payload) && left.payload.protocol === "ip") {
    if (left.payload.field === "saddr") return p.src;
    if (left.payload.field === "daddr") return p.dst;
  }
  if (isObj(left.meta)) {
    if (left.meta.key === "oifname" || left.meta.key === "oif") return p.oif;
    if (left.meta.key === "iifname" || left.meta.key === "iif") return p.iif;
  }
  return undefined;
}

function nftRightHas(right: unknown, value: string): Tri {
  if (typeof right === "string") {
    if (right.includes(".") && /^[\d.]+$/.test(right)) return addrMatch(right, value);
    return right.endsWith("*") ? value.startsWith(right.slice(0, -1)) : right === value;
  }
  if (isObj(right) && isObj(right.prefix)) {
    const { addr, len } = right.prefix;
    return typeof addr === "string" && typeof len === "number" ? addrMatch(`${addr}/${len}`, value) : "unknown";
  }
  if (isObj(right) && Array.isArray(right.set)) {
    let any: Tri = false;
    for (const el of right.set) {
      const m = nftRightHas(el, value);
      if (m === true) return true;
      if (m === "unknown") any = "unknown";
    }
    return any;
  }
  return "unknown";
}

function nftRuleMatches(r: NftRule, p: Packet): Tri {
  let result: Tri = true;
  for (const e of r.expr) {
    if (!isObj(e) || !isObj(e.match)) continue;
    const value = nftLeft(e.match.left, p);
    if (value === undefined) {
      result = and(result, "unknown");
      continue;
    }
    let m = nftRightHas(e.match.right, value);
    if (e.match.op === "!=" && m !== "unknown") m = !m;
    result = and(result, m);
  }
  return result;
}

function walkNft(rules: NftRule[], family: string, table: string, chain: string, p: Packet, ns: NsState, depth: number): Step {
  if (depth > 16) return null;
  for (const r of rules) {
    if (r.family !== family || r.table !== table || r.chain !== chain) continue;
    if (nftRuleMatches(r, p) === false) continue;
    const text = JSON.stringify(r.expr);
    for (const e of r.expr) {
      if (!isObj(e)) continue;
      if ("masquerade" in e) return { kind: "masquerade", to: MASQ_ADDR(ns, p.oif), rule: text, tool: "nftables" };
      if (isObj(e.snat)) {
        const addr = e.snat.addr;
        return { kind: "snat", to: typeof addr === "string" ? addr.split("-")[0] : "?", rule: text, tool: "nftables" };
      }
      if ("accept" in e) return { kind: "accept" };
      if ("return" in e) return { kind: "return" };
      const jump = isObj(e.jump) ? e.jump : isObj(e.goto) ? e.goto : undefined;
      if (jump && typeof jump.target === "string") {
        const sub = walkNft(rules, family, table, jump.target, p, ns, depth + 1);
        if (sub && sub.kind !== "return") return sub;
        if (isObj(e.goto)) return { kind: "return" };
      }
    }
  }
  return null;
}

/** The source NAT that applies to `p` leaving a namespace, or {kind: "none"}. */
export function sourceNat(ns: NsState, p: Packet): NatDecision {
  const ipt = ns.iptables;
  const iptNat = ipt?.nft.tables.nat;
  const dumps: [IptTable | undefined, NatTool][] = [
    [iptNat, "iptables"],
    [ipt?.legacy.tables.nat, "iptables-legacy"],
  ];
  for (const [table, tool] of dumps) {
    if (!table?.chains.POSTROUTING) continue;
    const d = walkIpt(table, "POSTROUTING", p, ns, tool, 0);
    if (d && (d.kind === "masquerade" || d.kind === "snat")) return d;
  }
  const nft = ns.nft;
  if (nft) {
    const base = nft.chains
      .filter((c) => c.type === "nat" && c.hook === "postrouting" && (c.family === "ip" || c.family === "inet"))
      // Chains iptables-nft made are already judged through iptables-save above.
      .filter((c) => !(c.family === "ip" && iptNat?.chains[c.name] && c.table === "nat"))
      .sort((a, b) => (a.prio ?? 0) - (b.prio ?? 0));
    for (const c of base) {
      const d = walkNft(nft.rules, c.family, c.table, c.name, p, ns, 0);
      if (d && (d.kind === "masquerade" || d.kind === "snat")) return d;
    }
  }
  return { kind: "none" };
}

/** Every source-NAT rule in a namespace, for messages such as "your rule only covers veth-lan". */
export function sourceNatRules(ns: NsState): { tool: NatTool; text: string }[] {
  const out: { tool: NatTool; text: string }[] = [];
  const fromIpt = (t: IptTable | undefined, tool: NatTool) => {
    for (const r of t?.rules ?? []) {
      if (r.target?.name === "MASQUERADE" || r.target?.name === "SNAT") out.push({ tool, text: r.line.replace(/^\[\d+:\d+\]\s*/, "") });
    }
  };
  fromIpt(ns.iptables?.nft.tables.nat, "iptables");
  fromIpt(ns.iptables?.legacy.tables.nat, "iptables-legacy");
  for (const r of ns.nft?.rules ?? []) {
    const iptOwned = r.family === "ip" && r.table === "nat" && ns.iptables?.nft.tables.nat?.chains[r.chain];
    if (iptOwned) continue;
    if (r.expr.some((e) => isObj(e) && ("masquerade" in e || "snat" in e))) {
      out.push({ tool: "nftables", text: `${r.family} ${r.table} ${r.chain}: ${JSON.stringify(r.expr)}` });
    }
  }
  return out;
}
