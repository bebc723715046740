/**
 * What a Service's data plane does with a client's connection, read from one
 * node's state: which endpoints the translation can pick and with what share
 * of new connections, whichever tool wrote it. iptables rules (either backend)
 * are walked from PREROUTING or OUTPUT through user chains (kube-proxy's
 * KUBE-SERVICES → KUBE-SVC-… → KUBE-SEP-…), with `-m statistic` probabilities
 * multiplied along the way; native nftables chains walked the same way, with
 * `dnat to` an address or a `numgen … mod N map {…}` of endpoints, and jumps,
 * gotos and `numgen … vmap {…}` into endpoint chains (kube-proxy's nftables
 * shape); IPVS virtual servers, by address or firewall mark (shares by
 * weight). A share is undefined when the grader cannot tell (an `nth`
 * counter, a set it does not model): the live probe then decides.
 */
import type {IpvsService} from './parse/ipvs';
import type {IptTable} from './parse/iptables-model';
import type {NsState} from './model';
import {iptRuleMatches, isObj, nftRuleMatches, type Packet} from './netfilter';
import type {NftRule} from './parse/nft-model';

export interface Target {
  ip: string;
  /** undefined: the port is not rewritten (stays the Service's port). */
  port: number | undefined;
  /** Fraction of new connections (0..1); undefined when the grader cannot tell. */
  share: number | undefined;
}

export interface Translation {
  tool: 'iptables' | 'iptables-legacy' | 'nftables' | 'ipvs';
  /** prerouting and ipvs (local-in) see a Pod's packets; output only the node's own. */
  hook: 'prerouting' | 'output' | 'ipvs';
  targets: Target[];
  /** The rules or virtual server, for messages. */
  text: string[];
}

const MAX_DEPTH = 8;

/** The fraction of packets a rule's `-m statistic` lets through: random → p, nth → 1/every. */
function statisticShare(opts: {name: string; values: string[]}[]): number | undefined {
  const mode = opts.find((o) => o.name === 'mode')?.values[0];
  if (mode === 'random') return Number(opts.find((o) => o.name === 'probability')?.values[0] ?? 1);
  const every = Number(opts.find((o) => o.name === 'every')?.values[0]);
  return every > 0 ? 1 / every : undefined;
}

const mul = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a * b);
const add = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a + b);

interface Walk {
  targets: Target[];
  text: string[];
  /** Share that reached the end of the chain (or a RETURN) untranslated. */
  rest: number | undefined;
}

/** Walks one iptables chain with `share` of the connections entering it. */
function walkIpt(table: IptTable, chain: string, p: Packet, share: number | undefined, depth: number): Walk {
  const out: Walk = {targets: [], text: [], rest: 0};
  let left = share;
  for (const r of table.rules.filter((x) => x.chain === chain)) {
    const stat = r.matches.find((m) => m.module === 'statistic');
    const plain = {...r, matches: r.matches.filter((m) => m !== stat)};
    // A definite mismatch skips the rule; an unknown match (-p tcp, --dport) is taken to apply: the probe decides.
    if (iptRuleMatches(plain, p).m === false) continue;
    const frac = stat ? statisticShare(stat.options) : 1;
    const taken = mul(left, frac);
    const name = r.target?.name ?? '';
    if (name === 'DNAT') {
      const spec = r.target?.options.find((o) => o.name === 'to-destination')?.values[0] ?? '';
      const [addr, ports] = spec.split(':');
      const port = ports === undefined ? undefined : Number(ports.split('-')[0]);
      out.targets.push({ip: addr.split('-')[0], port, share: taken});
      out.text.push(r.line.replace(/^\[\d+:\d+\]\s*/, ''));
    } else if (name === 'RETURN') {
      out.rest = add(out.rest, taken);
    } else if (table.chains[name] && table.chains[name].policy === null && depth < MAX_DEPTH) {
      const sub = walkIpt(table, name, p, taken, depth + 1);
      out.targets.push(...sub.targets);
      out.text.push(...sub.text);
      // What the user chain did not translate continues here (a goto's would return higher up; rare).
      left = add(mul(left, stat ? 1 - (frac ?? 0) : 0), sub.rest);
      continue;
    } else if (name !== 'ACCEPT') {
      continue; // MARK, LOG, counters only: the packet goes on.
    }
    left = frac === undefined ? undefined : mul(left, 1 - frac);
  }
  out.rest = add(out.rest, left);
  return out;
}

function iptTranslations(table: IptTable | undefined, tool: Translation['tool'], p: Packet): Translation[] {
  if (!table) return [];
  const out: Translation[] = [];
  for (const [chain, hook] of [
    ['PREROUTING', 'prerouting'],
    ['OUTPUT', 'output'],
  ] as const) {
    const w = walkIpt(table, chain, p, 1, 0);
    if (w.targets.length) out.push({tool, hook, targets: w.targets, text: w.text});
  }
  return out;
}

/** Address and port of one nft dnat element: "10.244.1.2" or {concat: ["10.244.1.2", 8080]}. */
function nftElem(v: unknown, port: number | undefined): {ip: string; port: number | undefined} | undefined {
  if (typeof v === 'string') return {ip: v, port};
  if (isObj(v) && Array.isArray(v.concat) && typeof v.concat[0] === 'string') {
    return {ip: v.concat[0], port: typeof v.concat[1] === 'number' ? v.concat[1] : port};
  }
  return undefined;
}

/** The endpoints of one nft `dnat` statement: a fixed address, or a numgen/random map of them. */
function nftDnatTargets(dnat: Record<string, unknown>, share: number | undefined): Target[] {
  const port = typeof dnat.port === 'number' ? dnat.port : undefined;
  const fixed = nftElem(dnat.addr, port);
  if (fixed) return [{...fixed, share}];
  const map = isObj(dnat.addr) && isObj(dnat.addr.map) ? dnat.addr.map : undefined;
  const set = map && isObj(map.data) && Array.isArray(map.data.set) ? (map.data.set as unknown[]) : [];
  const numgen = map && isObj(map.key) && isObj(map.key.numgen) ? map.key.numgen : undefined;
  const mod = numgen && typeof numgen.mod === 'number' ? numgen.mod : undefined;
  const out: Target[] = [];
  for (const e of set) {
    if (!Array.isArray(e)) continue;
    const t = nftElem(e[1], port);
    // numgen random|inc mod N: each key 0..N-1 is picked as often; keys outside that range never.
    const each = mod && typeof e[0] === 'number' ? (e[0] < mod ? 1 / mod : 0) : undefined;
    if (t) out.push({...t, share: mul(share, each)});
  }
  return out;
}

/** The chain a `jump`/`goto` verdict names: {jump: {target: "x"}}. */
function verdictTarget(v: unknown): {chain: string; jump: boolean} | undefined {
  if (!isObj(v)) return undefined;
  for (const k of ['jump', 'goto'] as const) {
    const t = v[k];
    if (isObj(t) && typeof t.target === 'string') return {chain: t.target, jump: k === 'jump'};
  }
  return undefined;
}

/**
 * Walks one nft chain with `share` of the connections entering it, following jumps, gotos
 * and `numgen … mod N vmap { k : goto chain }` (kube-proxy's nftables mode picks an
 * endpoint chain that way). A dnat ends the walk for the share that reaches it.
 */
function walkNft(
  ns: NsState,
  family: string,
  table: string,
  chain: string,
  p: Packet,
  share: number | undefined,
  depth: number,
): Walk {
  const out: Walk = {targets: [], text: [], rest: 0};
  let left = share;
  const rules = ns.nft?.rules.filter((x) => x.family === family && x.table === table && x.chain === chain) ?? [];
  const into = (target: string, part: number | undefined, jump: boolean) => {
    if (depth >= MAX_DEPTH) return;
    const sub = walkNft(ns, family, table, target, p, part, depth + 1);
    out.targets.push(...sub.targets);
    out.text.push(...sub.text);
    // What a jumped-to chain leaves comes back here; a goto's would return to our caller.
    if (jump) left = add(left, sub.rest);
    else out.rest = add(out.rest, sub.rest);
  };
  for (const r of rules) {
    if (nftRuleMatches(r, p).m === false) continue;
    for (const e of r.expr) {
      if (!isObj(e)) continue;
      if (isObj(e.dnat)) {
        out.targets.push(...nftDnatTargets(e.dnat, left));
        out.text.push(nftText(r));
        left = 0;
      } else if (verdictTarget(e)) {
        const v = verdictTarget(e);
        const part = left;
        left = 0;
        if (v) into(v.chain, part, v.jump);
      } else if (isObj(e.vmap) && Array.isArray(isObj(e.vmap.data) ? e.vmap.data.set : undefined)) {
        const numgen = isObj(e.vmap.key) && isObj(e.vmap.key.numgen) ? e.vmap.key.numgen : undefined;
        const mod = numgen && typeof numgen.mod === 'number' ? numgen.mod : undefined;
        const set = isObj(e.vmap.data) && Array.isArray(e.vmap.data.set) ? (e.vmap.data.set as unknown[]) : [];
        const part = left;
        left = 0;
        out.text.push(nftText(r));
        for (const el of set) {
          const v = Array.isArray(el) ? verdictTarget(el[1]) : undefined;
          const each = mod && Array.isArray(el) && typeof el[0] === 'number' ? (el[0] < mod ? 1 / mod : 0) : undefined;
          if (v) into(v.chain, mul(part, each), v.jump);
        }
      } else if ('return' in e) {
        out.rest = add(out.rest, left);
        left = 0;
      } else if ('accept' in e) {
        left = 0;
      }
    }
  }
  out.rest = add(out.rest, left);
  return out;
}

function nftTranslations(ns: NsState, p: Packet): Translation[] {
  const nft = ns.nft;
  if (!nft) return [];
  const iptNat = ns.iptables?.nft.tables.nat;
  const out: Translation[] = [];
  for (const c of nft.chains) {
    if (c.type !== 'nat' || (c.hook !== 'prerouting' && c.hook !== 'output')) continue;
    // iptables-nft's own chains are read through iptables-save.
    if (c.family === 'ip' && c.table === 'nat' && iptNat?.chains[c.name]) continue;
    const w = walkNft(ns, c.family, c.table, c.name, p, 1, 0);
    if (w.targets.length) out.push({tool: 'nftables', hook: c.hook, targets: w.targets, text: w.text});
  }
  return out;
}

const nftText = (r: NftRule) => `${r.family} ${r.table} ${r.chain}: ${JSON.stringify(r.expr)}`;

export const ipvsText = (s: IpvsService) =>
  `${s.protocol} ${s.address ?? `fwmark ${s.fwmark}`}:${s.port ?? ''} ${s.scheduler}: ${s.destinations
    .map((d) => `${d.address}:${d.port} ${d.forward} w${d.weight}`)
    .join(', ')}`;

/** Firewall marks that a mangle rule (iptables either backend, or nft `meta mark set`) gives packets to vip. */
function marksFor(ns: NsState, p: Packet): number[] {
  const out: number[] = [];
  for (const t of [ns.iptables?.nft.tables.mangle, ns.iptables?.legacy.tables.mangle]) {
    for (const r of t?.rules ?? []) {
      if (r.target?.name !== 'MARK' || iptRuleMatches(r, p).m === false) continue;
      const v = r.target.options.find((o) => o.name === 'set-xmark' || o.name === 'set-mark')?.values[0];
      if (v !== undefined) out.push(Number(v.split('/')[0]));
    }
  }
  for (const r of ns.nft?.rules ?? []) {
    const m = r.expr.find((e) => isObj(e) && isObj(e.mangle) && isObj(e.mangle.key) && isObj(e.mangle.key.meta));
    if (!isObj(m) || !isObj(m.mangle) || nftRuleMatches(r, p).m === false) continue;
    if (typeof m.mangle.value === 'number') out.push(m.mangle.value);
  }
  return out;
}

/**
 * IPVS virtual servers in `ns` for packet `p` to p.dst:port: by address and port, or a
 * firewall-mark service whose mark a mangle rule sets on such packets.
 */
export function ipvsServices(ns: NsState | undefined, p: Packet, port: number): IpvsService[] {
  if (!ns?.ipvs) return [];
  const marks = ns.ipvs.some((s) => s.fwmark !== undefined) ? marksFor(ns, p) : [];
  return ns.ipvs.filter((s) =>
    s.fwmark !== undefined ? marks.includes(s.fwmark) : s.address === p.dst && s.port === port,
  );
}

function ipvsTranslations(ns: NsState, p: Packet, port: number): Translation[] {
  return ipvsServices(ns, p, port).map((s) => {
    const total = s.destinations.reduce((n, d) => n + d.weight, 0);
    return {
      tool: 'ipvs' as const,
      hook: 'ipvs' as const,
      targets: s.destinations.map((d) => ({ip: d.address, port: d.port, share: total ? d.weight / total : 0})),
      text: [ipvsText(s)],
    };
  });
}

/**
 * Every translation in `ns` that can apply to packet `p` sent to vip:port:
 * iptables (both backends), native nftables and IPVS. iptables and nft
 * matches that are certainly false (another address) exclude a rule.
 */
export function serviceTranslations(ns: NsState | undefined, p: Packet, port: number): Translation[] {
  if (!ns) return [];
  return [
    ...iptTranslations(ns.iptables?.nft.tables.nat, 'iptables', p),
    ...iptTranslations(ns.iptables?.legacy.tables.nat, 'iptables-legacy', p),
    ...nftTranslations(ns, p),
    ...ipvsTranslations(ns, p, port),
  ];
}

/** Each endpoint's total share over the translations that see the client's packets. */
export function endpointShares(ts: Translation[], ip: string, port: number): number | undefined {
  let sum: number | undefined = 0;
  for (const t of ts) for (const x of t.targets) if (x.ip === ip && x.port === port) sum = add(sum, x.share);
  return sum;
}

/** "10.244.1.2:8080 (50%)" for messages. */
export const targetText = (t: Target, servicePort: number) =>
  `${t.ip}:${t.port ?? servicePort}${t.share === undefined ? '' : ` (${Math.round(t.share * 100)}%)`}`;
