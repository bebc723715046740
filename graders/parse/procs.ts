/**
 * Parsers for the collector's `procs` section (processes an exercise asked
 * for, by name) and for dnsmasq's lease file.
 */
import type {DhcpLease, Process} from '../model';
import type {ParseOutcome} from '../sections';

/** Lines "<pid>\t<ns>\t<comm>\t<args joined by \x1f>[\t<lease file>]"; ns "." is the root, "?" an unnamed one. */
export function parseProcs(text: string): ParseOutcome<Process[]> {
  const out: Process[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line === '') continue;
    const f = line.split('\t');
    const pid = Number(f[0]);
    if (f.length < 4 || !Number.isInteger(pid)) {
      return {ok: false, error: `procs line ${i + 1} is not "pid ns comm args": ${JSON.stringify(line.slice(0, 80))}`};
    }
    out.push({
      pid,
      ns: f[1] === '.' ? null : f[1] === '?' ? undefined : f[1],
      comm: f[2],
      args: f[3] === '' ? [] : f[3].split('\x1f'),
      leaseFile: f[4] || undefined,
    });
  }
  return {ok: true, value: out};
}

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * dnsmasq's lease file: "<expiry> <mac> <ip> <hostname|*> <client-id|*>" per
 * IPv4 lease (expiry in seconds since the epoch, 0 for an infinite lease).
 * DHCPv6 leases follow a "duid" line and are skipped; any other line is an error.
 */
export function parseDnsmasqLeases(text: string): ParseOutcome<DhcpLease[]> {
  const out: DhcpLease[] = [];
  let v6 = false;
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const f = line.trim().split(/\s+/);
    if (f[0] === 'duid') {
      v6 = true;
      continue;
    }
    if (v6) continue;
    const expiry = Number(f[0]);
    if (f.length < 4 || !Number.isInteger(expiry) || !MAC.test(f[1]) || !IPV4.test(f[2])) {
      return {
        ok: false,
        error: `lease line ${i + 1} is not "expiry mac ip hostname client-id": ${JSON.stringify(line)}`,
      };
    }
    out.push({
      expiry,
      mac: f[1].toLowerCase(),
      ip: f[2],
      hostname: f[3] === '*' ? undefined : f[3],
      clientId: f[4] === undefined || f[4] === '*' ? undefined : f[4],
    });
  }
  return {ok: true, value: out};
}
