/**
 * Connection tracking entries as /proc/net/nf_conntrack lists them, e.g.
 *
 *   ipv4     2 tcp      6 117 TIME_WAIT src=10.244.1.3 dst=10.96.0.20 sport=40312 dport=80
 *     src=10.244.2.2 dst=10.244.1.3 sport=8080 dport=40312 [ASSURED] mark=0 zone=0 use=2
 *
 * (one line). The first src/dst/sport/dport group is the original direction,
 * the second the reply direction: after a DNAT the reply comes from the real
 * endpoint, which is how a Service connection shows which Pod served it.
 */
import {z} from 'zod';
import type {ParseOutcome} from '../sections';

const TupleSchema = z.object({
  src: z.string(),
  dst: z.string(),
  sport: z.number().int().optional(),
  dport: z.number().int().optional(),
});
export const ConntrackEntrySchema = z.object({
  family: z.string(),
  protocol: z.string(),
  /** Seconds until the entry expires. */
  timeout: z.number().int(),
  /** TCP's state (ESTABLISHED, TIME_WAIT...); undefined for UDP and ICMP. */
  state: z.string().optional(),
  original: TupleSchema,
  reply: TupleSchema,
  /** ASSURED, UNREPLIED... without brackets. */
  flags: z.array(z.string()),
  mark: z.number().int().optional(),
});
export type ConntrackEntry = z.infer<typeof ConntrackEntrySchema>;
type Tuple = z.infer<typeof TupleSchema>;

export function parseConntrack(text: string): ParseOutcome<ConntrackEntry[]> {
  const entries: ConntrackEntry[] = [];
  for (const [n, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const f = line.trim().split(/\s+/);
    // family, its number, protocol, its number, timeout, then an optional state.
    const [family = '', , protocol = '', , timeout = ''] = f;
    const rest = f.slice(5);
    const state =
      rest[0] !== undefined && !rest[0].includes('=') && !rest[0].startsWith('[') ? rest.shift() : undefined;
    const tuples: Partial<Tuple>[] = [];
    const flags: string[] = [];
    let mark: number | undefined;
    for (const w of rest) {
      if (w.startsWith('[')) {
        flags.push(w.slice(1, -1));
        continue;
      }
      const eq = w.indexOf('=');
      const k = w.slice(0, eq);
      const v = w.slice(eq + 1);
      if (k === 'src') tuples.push({src: v});
      const t = tuples.at(-1);
      if (t && k === 'dst') t.dst = v;
      if (t && (k === 'sport' || k === 'dport')) t[k] = Number(v);
      if (k === 'mark') mark = Number(v);
    }
    const [o, r] = tuples;
    if (!o?.src || !o.dst || !r?.src || !r.dst || !/^\d+$/.test(timeout))
      return {ok: false, error: `nf_conntrack line ${n + 1}: cannot read "${line.trim()}"`};
    entries.push({
      family,
      protocol,
      timeout: Number(timeout),
      ...(state ? {state} : {}),
      original: o as Tuple,
      reply: r as Tuple,
      flags,
      ...(mark !== undefined ? {mark} : {}),
    });
  }
  return {ok: true, value: entries};
}
