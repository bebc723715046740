/** Reads `nft -j list ruleset` into tables, chains and rules. */
import {z} from 'zod';
import type {ParseOutcome} from '../sections';
import {NftChainSchema, NftRuleSchema, type NftRuleset} from './nft-model';

const Top = z.object({nftables: z.array(z.record(z.string(), z.unknown()))});
const TableEntry = z.object({family: z.string(), name: z.string()});

export function parseNftRuleset(text: string): ParseOutcome<NftRuleset> {
  const empty: NftRuleset = {tables: [], chains: [], rules: []};
  // nft prints nothing at all for an empty ruleset in some versions.
  if (text.trim() === '') return {ok: true, value: empty};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {ok: false, error: `nft output is not JSON: ${(e as Error).message}`};
  }
  const top = Top.safeParse(json);
  if (!top.success) return {ok: false, error: `nft output has no "nftables" array: ${top.error.issues[0]?.message}`};
  const out: NftRuleset = {tables: [], chains: [], rules: []};
  for (const [i, entry] of top.data.nftables.entries()) {
    if ('table' in entry) {
      const t = TableEntry.safeParse(entry.table);
      if (!t.success) return {ok: false, error: `nft entry ${i}: malformed table`};
      out.tables.push({family: t.data.family, name: t.data.name});
    } else if ('chain' in entry) {
      const c = NftChainSchema.safeParse(entry.chain);
      if (!c.success) return {ok: false, error: `nft entry ${i}: malformed chain (${c.error.issues[0]?.message})`};
      out.chains.push(c.data);
    } else if ('rule' in entry) {
      const r = NftRuleSchema.safeParse(entry.rule);
      if (!r.success) return {ok: false, error: `nft entry ${i}: malformed rule (${r.error.issues[0]?.message})`};
      out.rules.push(r.data);
    }
  }
  return {ok: true, value: out};
}
