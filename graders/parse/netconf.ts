/**
 * `ip -j netconf show` (iproute2 6.1) as the sysctl keys it mirrors. The
 * collector reads a namespace's /proc/sys only when it enters the namespace
 * (the root and deep namespaces); for the others netconf, which ip reports
 * from outside, gives what graders use: forwarding, rp_filter and proxy_arp
 * (netconf's proxy_neigh) per interface and for "all" and "default", plus
 * net.ipv4.ip_forward, which is the same kernel value as conf.all.forwarding.
 */
import {z} from 'zod';
import type {ParseOutcome} from '../sections';

/** ip 6.1 prints booleans; older versions printed "on"/"off" or numbers. */
const onOff = z
  .union([z.boolean(), z.number(), z.enum(['on', 'off'])])
  .transform((v) => (v === true || v === 'on' || (typeof v === 'number' && v !== 0) ? '1' : '0'));

/** The kernel value of rp_filter as ip names it. */
const RP_FILTER: Record<string, string> = {off: '0', strict: '1', loose: '2'};

const Entry = z.object({
  family: z.string(),
  interface: z.string().optional(),
  forwarding: onOff.optional(),
  rp_filter: z.union([z.string(), z.number()]).optional(),
  proxy_neigh: onOff.optional(),
});

export function parseNetconf(text: string): ParseOutcome<Record<string, string>> {
  if (text.trim() === '') return {ok: true, value: {}};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {ok: false, error: `ip -j netconf: output is not JSON (${(e as Error).message})`};
  }
  const r = z.array(Entry).safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    return {ok: false, error: `ip -j netconf: unexpected shape at ${issue?.path.join('.')}: ${issue?.message}`};
  }
  const out: Record<string, string> = {};
  for (const e of r.data) {
    const dev = e.interface;
    if (dev === undefined) continue;
    if (e.family === 'inet') {
      if (e.forwarding !== undefined) out[`net.ipv4.conf.${dev}.forwarding`] = e.forwarding;
      const rp = typeof e.rp_filter === 'number' ? String(e.rp_filter) : RP_FILTER[e.rp_filter ?? ''];
      if (rp !== undefined) out[`net.ipv4.conf.${dev}.rp_filter`] = rp;
      if (e.proxy_neigh !== undefined) out[`net.ipv4.conf.${dev}.proxy_arp`] = e.proxy_neigh;
      if (dev === 'all' && e.forwarding !== undefined) out['net.ipv4.ip_forward'] = e.forwarding;
    } else if (e.family === 'inet6' && dev === 'all' && e.forwarding !== undefined) {
      out['net.ipv6.conf.all.forwarding'] = e.forwarding;
    }
  }
  return {ok: true, value: out};
}
