/**
 * Destination NAT rules in a namespace, whichever tool wrote them: iptables
 * DNAT (nft backend or legacy) and native nftables `dnat to`. Port
 * forwarding lives or dies by two facts a check can read without running
 * anything: which hook a rule sits on (prerouting sees packets that arrive,
 * output only the namespace's own) and where it sends them. Whether the
 * rule's matches apply is tri-state as in netfilter.ts: a protocol or port
 * match is "unknown", never a mismatch, and the live probe decides.
 */
import type {NsState} from './model';
import type {IptTable} from './parse/iptables-model';
import {iptRuleMatches, isObj, nftRuleMatches, nftRuleText, type Match, type Packet} from './netfilter';
import type {NatTool} from './nat';

export interface DnatRule {
  tool: NatTool;
  /** The hook the rule's chain hangs on; "other" for a user chain reached by a jump. */
  hook: 'prerouting' | 'output' | 'other';
  /** The new destination address and port (undefined: the port stays as it was). */
  to: string;
  port: number | undefined;
  /** Does the rule's own match part apply to the packet? (Jumps into its chain are not followed.) */
  match: Match;
  text: string;
}

const hookOf = (chain: string | undefined): DnatRule['hook'] =>
  chain === 'prerouting' || chain === 'PREROUTING'
    ? 'prerouting'
    : chain === 'output' || chain === 'OUTPUT'
      ? 'output'
      : 'other';

/** "192.168.10.2:80", "192.168.10.2", "10.0.0.1-10.0.0.3:80-90" → first address and first port. */
export function parseToDestination(spec: string): {to: string; port: number | undefined} {
  const [addrs, ports] = spec.split(':');
  const port = ports === undefined ? undefined : Number(ports.split('-')[0]);
  return {to: addrs.split('-')[0], port: port === undefined || Number.isNaN(port) ? undefined : port};
}

const USER_CHAIN: Match = {m: 'unknown', why: 'a user chain, which this grader does not follow'};

function fromIpt(table: IptTable | undefined, tool: NatTool, p: Packet): DnatRule[] {
  const out: DnatRule[] = [];
  for (const r of table?.rules ?? []) {
    if (r.target?.name !== 'DNAT') continue;
    const spec = r.target.options.find((o) => o.name === 'to-destination')?.values[0] ?? '';
    const hook = hookOf(r.chain);
    out.push({
      tool,
      hook,
      ...parseToDestination(spec),
      match: hook === 'other' ? USER_CHAIN : iptRuleMatches(r, p),
      text: r.line.replace(/^\[\d+:\d+\]\s*/, ''),
    });
  }
  return out;
}

/**
 * Every DNAT rule in `ns`, with whether its matches apply to `p` (a packet
 * as it arrives, before any translation; for prerouting `oif` is not known
 * yet, so pass the interface the translated packet would leave through).
 */
export function destNatRules(ns: NsState, p: Packet): DnatRule[] {
  const iptNat = ns.iptables?.nft.tables.nat;
  const out = [...fromIpt(iptNat, 'iptables', p), ...fromIpt(ns.iptables?.legacy.tables.nat, 'iptables-legacy', p)];
  for (const r of ns.nft?.rules ?? []) {
    // Chains iptables-nft made are already read through iptables-save above.
    if (r.family === 'ip' && r.table === 'nat' && iptNat?.chains[r.chain]) continue;
    const d = r.expr.find((e) => isObj(e) && isObj(e.dnat));
    const dnat = isObj(d) && isObj(d.dnat) ? d.dnat : undefined;
    if (!dnat) continue;
    const chain = ns.nft?.chains.find((c) => c.family === r.family && c.table === r.table && c.name === r.chain);
    const hook = hookOf(chain?.hook);
    out.push({
      tool: 'nftables',
      hook,
      to: typeof dnat.addr === 'string' ? dnat.addr.split('-')[0] : '?',
      port: typeof dnat.port === 'number' ? dnat.port : undefined,
      match: hook === 'other' ? USER_CHAIN : nftRuleMatches(r, p),
      text: nftRuleText(r),
    });
  }
  return out;
}
