/**
 * The DHCP layer's values under tshark 4.0's field names, read from the
 * fields the packet view shows (so the test checks what a learner sees).
 */
import type {Field, Layer} from '../types';

type Add = (key: string, value: string | number | undefined) => void;

function find(fields: Field[] | undefined, name: string): Field | undefined {
  return fields?.find((f) => f.name === name);
}

/** "Ethernet (0x01)" → "0x01"; "Offer (2)" → "2". */
function inParens(value: string | undefined): string | undefined {
  return value?.match(/\(([^()]*)\)$/)?.[1];
}

const BY_CODE: Record<number, string> = {
  1: 'dhcp.option.subnet_mask',
  3: 'dhcp.option.router',
  6: 'dhcp.option.domain_name_server',
  12: 'dhcp.option.hostname',
  15: 'dhcp.option.domain_name',
  28: 'dhcp.option.broadcast_address',
  50: 'dhcp.option.requested_ip_address',
  54: 'dhcp.option.dhcp_server_id',
  119: 'dhcp.option.dhcp_dns_domain_search_list_fqdn',
};
const SECONDS: Record<number, string> = {
  51: 'dhcp.option.ip_address_lease_time',
  58: 'dhcp.option.renewal_time_value',
  59: 'dhcp.option.rebinding_time_value',
};

function option(add: Add, o: Field, bytes: Uint8Array): void {
  const code = Number(find(o.children, 'Option')?.value);
  // tshark 4.0 files End's code under dhcp.option.end and prints a type of 0 for it (with or without padding after).
  if (code === 255) {
    add('dhcp.option.type', 0);
    return;
  }
  add('dhcp.option.type', code);
  const values = o.children?.slice(2) ?? [];
  if (code === 0) return;
  add('dhcp.option.length', find(o.children, 'Length')?.value);
  if (code === 53) add('dhcp.option.dhcp', inParens(values[0]?.value));
  if (code === 55) for (const item of values) add('dhcp.option.request_list_item', item.value.match(/^\((\d+)\)/)?.[1]);
  if (BY_CODE[code]) for (const v of values) add(BY_CODE[code], v.value);
  if (SECONDS[code]) add(SECONDS[code], values[0]?.value.match(/^\d+/)?.[0]);
  // tshark prints classless routes as the option's bytes in hex; the decoder reads them out.
  if (code === 121)
    add('dhcp.option.classless_static_route', Buffer.from(bytes.subarray(o.start + 2, o.end)).toString('hex'));
}

export function dhcpValues(add: Add, layer: Layer, bytes: Uint8Array): void {
  if (layer.info.kind !== 'dhcp') return;
  const i = layer.info;
  const f = layer.fields;
  add('dhcp.type', i.op);
  add('dhcp.hw.type', inParens(find(f, 'Hardware type')?.value));
  add('dhcp.hw.len', find(f, 'Hardware address length')?.value);
  add('dhcp.hops', find(f, 'Hops')?.value);
  add('dhcp.id', '0x' + i.xid.toString(16).padStart(8, '0'));
  add('dhcp.secs', find(f, 'Seconds elapsed')?.value);
  add('dhcp.flags', find(f, 'Flags')?.value.split(' ')[0]);
  add('dhcp.ip.client', i.clientIp);
  add('dhcp.ip.your', i.yourIp);
  add('dhcp.ip.server', i.serverIp);
  add('dhcp.ip.relay', i.relayIp);
  add('dhcp.hw.mac_addr', find(f, 'Client MAC address')?.value);
  const cookie = find(f, 'Magic cookie');
  // tshark prints the cookie as if it were an IPv4 address.
  if (cookie) add('dhcp.cookie', Array.from(bytes.subarray(cookie.start, cookie.end)).join('.'));
  for (const o of find(f, 'Options')?.children ?? []) option(add, o, bytes);
  // The Info column, which the summary copies after the addresses.
  add('_ws.col.Info', layer.summary.replace(/^\S+ → \S+ /, ''));
}
