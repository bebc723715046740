/** UDP (RFC 768): ports and length; the ports say what the payload is (DNS, DHCP, VXLAN). */
import {field, hex, u16} from './bytes';
import {addressPrefix, cutShort, lazyLayer, type Context, type Decoded, type Protocol} from './layer';

/** The IANA port 4789, and 8472 which the Linux kernel (and flannel) use when no port is given. */
const VXLAN_PORTS = new Set([4789, 8472]);
/** DNS, and multicast DNS which has the same message format. */
const DNS_PORTS = new Set([53, 5353]);
/** BOOTP/DHCP: servers listen on 67, clients on 68; a relay talks 67 to 67. */
const DHCP_PORTS = new Set([67, 68]);

function payloadProtocol(srcPort: number, dstPort: number): Protocol {
  if (VXLAN_PORTS.has(dstPort)) return 'vxlan';
  if (DNS_PORTS.has(srcPort) || DNS_PORTS.has(dstPort)) return 'dns';
  if (DHCP_PORTS.has(srcPort) || DHCP_PORTS.has(dstPort)) return 'dhcp';
  return 'data';
}

export function decodeUdp(ctx: Context, start: number, end: number): Decoded {
  if (end - start < 8) return cutShort('UDP', 8, start, end);
  const b = ctx.bytes;
  const srcPort = u16(b, start);
  const dstPort = u16(b, start + 2);
  const length = u16(b, start + 4);
  const checksum = u16(b, start + 6);
  const problems: string[] = [];
  let stop = start + length;
  if (length < 8) {
    problems.push(`the length field says ${length} bytes, less than the 8-byte header`);
    stop = end;
  } else if (stop > end) {
    // A first fragment carries only the start of the datagram; the rest is in later fragments.
    if (ctx.fragment !== 'first')
      problems.push(`the length field says ${length} bytes but only ${end - start} are here`);
    stop = end;
  }
  const layer = lazyLayer(
    {
      name: 'User Datagram Protocol',
      summary: `${addressPrefix(ctx)}UDP ${srcPort} → ${dstPort} len=${length - 8}`,
      start,
      end: stop,
      info: {kind: 'udp' as const, srcPort, dstPort, length},
      ...(problems.length ? {problems} : {}),
    },
    () => [
      field('Source port', srcPort, start, start + 2),
      field('Destination port', dstPort, start + 2, start + 4),
      field('Length', length, start + 4, start + 6),
      field('Checksum', checksum ? hex(checksum, 4) : '0x0000 (none)', start + 6, start + 8),
    ],
  );
  if (stop <= start + 8) return {layer};
  const protocol = ctx.fragment === 'first' ? 'data' : payloadProtocol(srcPort, dstPort);
  return {layer, next: {protocol, start: start + 8, end: stop}};
}
