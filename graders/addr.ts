/** Address arithmetic, always through ipaddr.js. */
import ipaddr from 'ipaddr.js';

/** Is `ip` inside `cidr`? undefined when either side does not parse or the families differ. */
export function inCidr(ip: string, cidr: string): boolean | undefined {
  if (!ipaddr.isValid(ip) || !ipaddr.isValidCIDR(cidr)) return undefined;
  const addr = ipaddr.process(ip);
  const range = ipaddr.parseCIDR(cidr);
  if (addr.kind() !== range[0].kind()) return undefined;
  return addr.match(range);
}

/** Network part of an address/prefix, e.g. ("10.0.0.7", 24) -> "10.0.0.0/24". */
export function networkOf(ip: string, prefixlen: number): string | undefined {
  const cidr = `${ip}/${prefixlen}`;
  if (!ipaddr.isValidCIDR(cidr)) return undefined;
  const a = ipaddr.parse(ip);
  const net = a.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(cidr) : ipaddr.IPv6.networkAddressFromCIDR(cidr);
  return `${net.toString()}/${prefixlen}`;
}

export function sameAddress(a: string, b: string): boolean {
  if (!ipaddr.isValid(a) || !ipaddr.isValid(b)) return a === b;
  return ipaddr.process(a).toString() === ipaddr.process(b).toString();
}

/** Route destinations: "default" or a prefix; a bare address is a host route. */
export function routeCidr(dst: string, family: 'inet' | 'inet6'): string {
  if (dst === 'default') return family === 'inet' ? '0.0.0.0/0' : '::/0';
  if (dst.includes('/')) return dst;
  return family === 'inet' ? `${dst}/32` : `${dst}/128`;
}

export function prefixLength(cidr: string): number {
  return Number(cidr.split('/')[1] ?? '0');
}
