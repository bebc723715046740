/** Shapes produced by the iptables-save parser (kept apart so the model can import them). */
import {z} from 'zod';

export const CountersSchema = z.object({packets: z.number(), bytes: z.number()});

/** One "--option value..." with its negation, e.g. `! --ctstate NEW` or `-s 10.0.0.0/8`. */
export const IptOptionSchema = z.object({
  name: z.string(),
  values: z.array(z.string()),
  negated: z.boolean(),
});
export type IptOption = z.infer<typeof IptOptionSchema>;

export const IptRuleSchema = z.object({
  chain: z.string(),
  counters: CountersSchema.optional(),
  /** Built-in matches (-s -d -i -o -p -f), long names normalised to the short ones. */
  basics: z.array(IptOptionSchema),
  /** `-m name --opt ...` blocks in order. */
  matches: z.array(z.object({module: z.string(), options: z.array(IptOptionSchema)})),
  /** -j (jump) or -g (goto) with the target's own options; absent for a rule that only counts. */
  target: z.object({name: z.string(), goto: z.boolean(), options: z.array(IptOptionSchema)}).optional(),
  comment: z.string().optional(),
  line: z.string(),
});
export type IptRule = z.infer<typeof IptRuleSchema>;

export const IptChainSchema = z.object({
  /** ACCEPT/DROP for built-in chains, null for user chains ("-"). */
  policy: z.string().nullable(),
  counters: CountersSchema.optional(),
});

export const IptTableSchema = z.object({
  chains: z.record(z.string(), IptChainSchema),
  rules: z.array(IptRuleSchema),
});
export type IptTable = z.infer<typeof IptTableSchema>;

export const IptablesDumpSchema = z.object({tables: z.record(z.string(), IptTableSchema)});
export type IptablesDump = z.infer<typeof IptablesDumpSchema>;
