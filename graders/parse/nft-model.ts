/** Shapes kept from `nft -j list ruleset`; rule expressions stay as JSON and are read by nat.ts. */
import {z} from 'zod';

export const NftChainSchema = z.object({
  family: z.string(),
  table: z.string(),
  name: z.string(),
  type: z.string().optional(),
  hook: z.string().optional(),
  prio: z.number().optional(),
  policy: z.string().optional(),
});
export type NftChain = z.infer<typeof NftChainSchema>;

export const NftRuleSchema = z.object({
  family: z.string(),
  table: z.string(),
  chain: z.string(),
  handle: z.number().optional(),
  comment: z.string().optional(),
  expr: z.array(z.unknown()),
});
export type NftRule = z.infer<typeof NftRuleSchema>;

export const NftRulesetSchema = z.object({
  tables: z.array(z.object({family: z.string(), name: z.string()})),
  chains: z.array(NftChainSchema),
  rules: z.array(NftRuleSchema),
});
export type NftRuleset = z.infer<typeof NftRulesetSchema>;
