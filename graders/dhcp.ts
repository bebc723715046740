/**
 * What the DHCP exercises read: a client's address and whether a DHCP
 * client put it there, the leases the server wrote, and which DHCP server
 * and clients run where, turned into causes a learner can act on.
 */
import ipaddr from 'ipaddr.js';
import type {Address, DhcpLease, Link, Process} from './model';
import type {Query} from './query';

/** Process names the DHCP exercises list (exercise `processes`). */
export const DHCP_PROCESSES = ['dnsmasq', 'dhclient', 'udhcpc', 'udhcpd', 'dhcpcd'];
const CLIENTS = new Set(['dhclient', 'udhcpc', 'dhcpcd']);

const nsText = (ns: string | null | undefined) =>
  ns === null ? 'the root namespace' : ns === undefined ? 'an unnamed namespace' : ns;

/** The IPv4 address of `dev` in `ns` (the first one), with its link. */
export function ipv4Of(q: Query, ns: string, dev = 'eth0'): {link: Link; address?: Address} | undefined {
  const link = q.link(dev, ns);
  if (!link) return undefined;
  return {link, address: link.addresses.find((a) => a.family === 'inet' && a.scope !== 'host')};
}

/** Does dnsmasq serve DHCP with these arguments? (A dhcp-range may also hide in a conf file the grader does not read.) */
const servesDhcp = (p: Process) => p.args.some((a) => /^--dhcp-range[=]|^-F/.test(a) || a === '--dhcp-range');

/** dnsmasq processes in `ns` (null: the root namespace). */
export const dnsmasqIn = (q: Query, ns: string | null): Process[] =>
  (q.state.processes ?? []).filter((p) => p.comm === 'dnsmasq' && p.ns === ns);

/** Which DHCP clients run in `ns`. */
export const dhcpClientsIn = (q: Query, ns: string): Process[] =>
  (q.state.processes ?? []).filter((p) => CLIENTS.has(p.comm) && p.ns === ns);

/** The lease files of the dnsmasq processes in `serverNs`. */
export const leaseFilesOf = (q: Query, serverNs: string): string[] => [
  ...new Set(dnsmasqIn(q, serverNs).flatMap((p) => (p.leaseFile ? [p.leaseFile] : []))),
];

/** Every lease the dnsmasq processes in `serverNs` wrote, with the file it is in. */
export function leasesOf(q: Query, serverNs: string): {file: string; lease: DhcpLease}[] {
  return leaseFilesOf(q, serverNs).flatMap((file) =>
    (q.state.leases?.[file]?.entries ?? []).map((lease) => ({file, lease})),
  );
}

/**
 * Why no DHCP server in `serverNs` receives the clients' requests, or
 * undefined when a UDP socket on port 67 is open there (the exercise must
 * list `serverNs` in deepNamespaces and the DHCP processes in `processes`).
 */
export function serverProblem(q: Query, serverNs: string): string | undefined {
  const sockets = q.ns(serverNs)?.sockets ?? [];
  if (sockets.some((s) => s.proto === 'udp' && s.port === 67)) return undefined;
  const own = dnsmasqIn(q, serverNs);
  const elsewhere = (q.state.processes ?? []).filter(
    (p) => (p.comm === 'dnsmasq' && p.ns !== serverNs && servesDhcp(p)) || p.comm === 'udhcpd',
  );
  if (own.length > 0) {
    return (
      `dnsmasq runs in ${serverNs} but does not listen on UDP port 67, so it serves no DHCP: ` +
      'it answers DHCP only for interfaces covered by a --dhcp-range (dhcp-range= in a configuration file).'
    );
  }
  if (elsewhere.length > 0) {
    const p = elsewhere[0];
    return (
      `${p.comm} serves DHCP in ${nsText(p.ns)}, not in ${serverNs}: a server started without ` +
      `\`ip netns exec ${serverNs}\` runs with the network of the shell that started it.`
    );
  }
  return `Nothing in ${serverNs} listens on UDP port 67, where a DHCP server receives DISCOVER and REQUEST.`;
}

/**
 * What is wrong with the address `ns` holds on eth0, for a client that must
 * have leased it from the server in `serverNs`; `want` is the address or a
 * pool test. undefined when the address is right, leased and in the server's
 * lease file.
 */
export function leaseProblem(
  q: Query,
  ns: string,
  serverNs: string,
  want: {addr: string} | {first: string; last: string},
): string | undefined {
  const got = ipv4Of(q, ns);
  if (!got) return `${ns} has no eth0.`;
  const runs = dhcpClientsIn(q, ns);
  if (!got.address) {
    return runs.length
      ? `${runs[0].comm} runs in ${ns} but has no lease yet: is the server answering? ${runs[0].comm} keeps asking in the background.`
      : `${ns} has no IPv4 address on eth0: run a DHCP client in it (\`ip netns exec ${ns} dhclient eth0\`, or \`udhcpc -i eth0\`).`;
  }
  const addr = got.address.local;
  const mac = got.link.mac?.toLowerCase();
  const mine = leasesOf(q, serverNs).filter((l) => l.lease.mac === mac);
  const inRange = 'addr' in want ? addr === want.addr : between(addr, want.first, want.last);
  if (!inRange) {
    if ('addr' in want) {
      const reserved = mine.some((l) => l.lease.ip === want.addr);
      return reserved
        ? `The server now gives ${want.addr} to ${mac}, but ${ns} still holds ${addr} from before: release it and ask again (\`dhclient -r eth0\`, then \`dhclient eth0\`).`
        : `${ns} (MAC ${mac}) got ${addr}, not ${want.addr}: the server has no reservation for its MAC, so it took an address from the pool.`;
    }
    return `${ns} got ${addr}, outside the pool ${want.first}-${want.last}: check the server's dhcp-range.`;
  }
  // The server's lease is the proof; the lifetime only explains its absence
  // (udhcpc's script adds addresses without one, an infinite lease has none).
  if (mine.some((l) => l.lease.ip === addr)) return undefined;
  if (got.address.validLft === undefined && runs.length === 0) {
    return (
      `${addr}/${got.address.prefixlen} on ${ns}'s eth0 never expires and no DHCP client runs in ${ns}: it was set by hand ` +
      '(`ip addr add`). Remove it and run a DHCP client.'
    );
  }
  const files = leaseFilesOf(q, serverNs);
  if (files.length === 0) {
    return `${ns} holds ${addr}, but no dnsmasq runs in ${serverNs} to have leased it: the grader reads the server's lease file.`;
  }
  const missing = files.filter((f) => q.state.leases?.[f]?.exists === false);
  if (missing.length === files.length) {
    return `${ns} holds ${addr}, but the server's lease file ${files.join(', ')} does not exist: the grader reads dnsmasq's leases there.`;
  }
  return `${ns} holds ${addr}, but the server's lease file (${files.join(', ')}) has no lease of it for ${ns}'s MAC ${mac}: another server handed it out, or it was set by hand.`;
}

/** An IPv4 address as a number, for range tests; NaN when it does not parse. */
const toNum = (a: string) =>
  ipaddr.IPv4.isValidFourPartDecimal(a)
    ? ipaddr.IPv4.parse(a)
        .toByteArray()
        .reduce((n, o) => n * 256 + o, 0)
    : NaN;
export const between = (a: string, first: string, last: string) => toNum(a) >= toNum(first) && toNum(a) <= toNum(last);
