/**
 * IPVS virtual servers as /proc/net/ip_vs lists them (the same table
 * `ipvsadm -Ln` prints, with addresses and ports in hex):
 *
 *   TCP  0A600014:0050 rr
 *     -> 0AF40102:1F90      Masq    1      0          0
 *   FWM  00000007 sh
 *
 * Only IPv4 services are decoded; an IPv6 one ([...]:port) is kept with its
 * address as printed.
 */
import {z} from 'zod';
import type {ParseOutcome} from '../sections';

export const IpvsDestSchema = z.object({
  address: z.string(),
  port: z.number().int(),
  /** Masq (NAT), Route (direct routing), Tunnel (IPIP) or Local. */
  forward: z.string(),
  weight: z.number().int(),
  activeConn: z.number().int(),
  inactConn: z.number().int(),
});
export const IpvsServiceSchema = z.object({
  protocol: z.enum(['TCP', 'UDP', 'SCTP', 'FWM']),
  /** Virtual address and port; undefined for a firewall-mark service. */
  address: z.string().optional(),
  port: z.number().int().optional(),
  fwmark: z.number().int().optional(),
  scheduler: z.string(),
  /** What follows the scheduler: "persistent 300", "ops"...; "" when nothing. */
  flags: z.string(),
  destinations: z.array(IpvsDestSchema),
});
export type IpvsService = z.infer<typeof IpvsServiceSchema>;

const hexIp = (h: string): string =>
  /^[0-9A-Fa-f]{8}$/.test(h) ? [0, 2, 4, 6].map((i) => parseInt(h.slice(i, i + 2), 16)).join('.') : h;

/** "0A600014:0050" or "[2001:db8::1]:0050" into address and port. */
function endpoint(text: string): {address: string; port: number} | null {
  const at = text.lastIndexOf(':');
  if (at <= 0) return null;
  const port = parseInt(text.slice(at + 1), 16);
  if (!Number.isInteger(port)) return null;
  const addr = text.slice(0, at);
  return {address: addr.startsWith('[') ? addr.slice(1, -1) : hexIp(addr), port};
}

export function parseIpvs(text: string): ParseOutcome<IpvsService[]> {
  const services: IpvsService[] = [];
  for (const [n, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    // The three header lines, and blank ones.
    if (
      line === '' ||
      line.startsWith('IP Virtual Server') ||
      line.startsWith('Prot ') ||
      /^-> RemoteAddress/.test(line)
    )
      continue;
    const f = line.split(/\s+/);
    if (f[0] === '->') {
      const svc = services.at(-1);
      const ep = endpoint(f[1] ?? '');
      if (!svc || !ep || f.length < 6) return {ok: false, error: `ip_vs line ${n + 1}: cannot read "${line}"`};
      svc.destinations.push({
        ...ep,
        forward: f[2] ?? '',
        weight: Number(f[3]),
        activeConn: Number(f[4]),
        inactConn: Number(f[5]),
      });
      continue;
    }
    const protocol = IpvsServiceSchema.shape.protocol.safeParse(f[0]);
    if (!protocol.success || f.length < 3) return {ok: false, error: `ip_vs line ${n + 1}: cannot read "${line}"`};
    const base = {protocol: protocol.data, scheduler: f[2] ?? '', flags: f.slice(3).join(' '), destinations: []};
    if (protocol.data === 'FWM') {
      services.push({...base, fwmark: parseInt(f[1] ?? '', 16)});
    } else {
      const ep = endpoint(f[1] ?? '');
      if (!ep) return {ok: false, error: `ip_vs line ${n + 1}: cannot read the address in "${line}"`};
      services.push({...base, ...ep});
    }
  }
  return {ok: true, value: services};
}
