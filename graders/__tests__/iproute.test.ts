import {describe, expect, it} from 'vitest';
import * as ip from '../parse/iproute';
import {recordedSection} from './recorded';

const ok = <T>(r: {ok: true; value: T} | {ok: false; error: string}): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('iproute2 parsers on real VM output', () => {
  const two = (ns: string, name: string) => recordedSection('bridges/two-namespaces', 'solution', ns, name);

  it('reads links with kind, master and veth peer pointers', () => {
    const root = ok(ip.parseLinks(two('.', 'ip.link')));
    const br0 = root.find((l) => l.name === 'br0');
    expect(br0).toMatchObject({kind: 'bridge', up: true, vlanFiltering: false});
    const port = root.find((l) => l.name === 'veth-red');
    expect(port).toMatchObject({kind: 'veth', master: 'br0', portKind: 'bridge'});
    expect(port?.linkNetnsid).toBeTypeOf('number');
    const inner = ok(ip.parseLinks(two('red', 'ip.link'))).find((l) => l.name === 'eth0');
    expect(inner?.linkIndex).toBe(port?.ifindex);
  });

  it('reads addresses, routes in every table, rules and nsids', () => {
    const addrs = ok(ip.parseAddresses(two('red', 'ip.addr')));
    expect([...addrs.values()].flat()).toContainEqual(
      expect.objectContaining({local: '10.0.0.1', prefixlen: 24, family: 'inet'}),
    );
    const routes = ok(ip.parseRoutes(two('red', 'ip.route')));
    expect(routes).toContainEqual(expect.objectContaining({dst: '10.0.0.0/24', table: 'main', dev: 'eth0'}));
    expect(routes.some((r) => r.table === 'local' && r.type === 'local')).toBe(true);
    const rules = ok(ip.parseRules(two('.', 'ip.rule')));
    expect(rules.map((r) => r.table)).toEqual(expect.arrayContaining(['local', 'main', 'default']));
    const nsids = ok(ip.parseNsids(two('.', 'ip.nsid')));
    expect(nsids.map((n) => n.name)).toEqual(expect.arrayContaining(['red', 'blue']));
  });

  it('reads bridge ports, per-port VLANs and the FDB', () => {
    const vl = (name: string) => recordedSection('vlans/vlan-aware-bridge', 'solution', '.', name);
    const vlans = ok(ip.parseBridgeVlans(vl('bridge.vlan')));
    const h1 = vlans.find((v) => v.ifname === 'veth-h1');
    expect(h1?.vlans).toContainEqual({vlan: 10, vlanEnd: undefined, pvid: true, untagged: true});
    const ports = ok(ip.parseBridgeLinks(vl('bridge.link')));
    expect(ports.filter((p) => p.master === 'br0')).toHaveLength(4);
    const fdb = ok(ip.parseFdb(vl('bridge.fdb')));
    // Learned entries (no state) on h1's port in VLAN 10, beside br0's own permanent ones.
    expect(fdb).toContainEqual(expect.objectContaining({ifname: 'veth-h1', master: 'br0', vlan: 10, state: ''}));
    expect(fdb.some((e) => e.ifname === 'br0' && e.flags.includes('self') && e.state === 'permanent')).toBe(true);
    const br0 = ok(ip.parseLinks(vl('ip.link'))).find((l) => l.name === 'br0');
    expect(br0?.vlanFiltering).toBe(true);
  });

  it('reads sysctls and listening sockets', () => {
    const nat = (name: string) => recordedSection('nat/masquerade', 'solution', '.', name);
    const sys = ok(ip.parseSysctls(nat('sysctl')));
    expect(sys['net.ipv4.ip_forward']).toBe('1');
    expect(sys['net.ipv4.conf.veth-lan.forwarding']).toBe('1');
    // The masquerade solution listens on nothing in the root namespace.
    expect(ok(ip.parseSockets(nat('ss')))).toEqual([]);
    // ss -H -ltunp: two socat listeners as the lab VM printed them, and an IPv6 one.
    const two = [
      'udp UNCONN 0      0      0.0.0.0:5353 0.0.0.0:* users:(("socat",pid=241,fd=6))',
      'tcp LISTEN 0      5      0.0.0.0:8080 0.0.0.0:* users:(("socat",pid=240,fd=6))',
      'tcp LISTEN 0      4096      [::1]:53       [::]:* users:(("dnsmasq",pid=90,fd=7))',
    ].join('\n');
    expect(ok(ip.parseSockets(two))).toEqual([
      {proto: 'udp', local: '0.0.0.0', port: 5353, process: 'socat'},
      {proto: 'tcp', local: '0.0.0.0', port: 8080, process: 'socat'},
      {proto: 'tcp', local: '::1', port: 53, process: 'dnsmasq'},
    ]);
  });
});

describe('iproute2 parsers on malformed output', () => {
  it.each([
    ['not JSON', '[{'],
    ['an object instead of an array', '{"ifindex":1}'],
    ['a link without a name', '[{"ifindex":1}]'],
    ['a string ifindex', '[{"ifindex":"1","ifname":"lo"}]'],
  ])('link list: %s is an error', (_w, text) => {
    const r = ip.parseLinks(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('ip -j -d link');
  });

  it('treats empty output as an empty list', () => {
    expect(ip.parseNeighbours('')).toEqual({ok: true, value: []});
  });

  it('rejects routes without dst, bad sysctl lines and non-socket ss lines', () => {
    expect(ip.parseRoutes('[{"dev":"eth0"}]').ok).toBe(false);
    expect(ip.parseSysctls('net.ipv4.ip_forward 1').ok).toBe(false);
    expect(ip.parseSockets('Netid State Recv-Q').ok).toBe(false);
    expect(ip.parseBridgeVlans('[{"ifname":"x","vlans":[{"vlan":"ten"}]}]').ok).toBe(false);
  });
});

describe('address lifetimes', () => {
  // client1's eth0 after dhclient, and lo, as ip -j addr printed them in the VM.
  const text = JSON.stringify([
    {ifindex: 1, addr_info: [{family: 'inet', local: '127.0.0.1', prefixlen: 8, valid_life_time: 4294967295}]},
    {
      ifindex: 2,
      addr_info: [
        {
          family: 'inet',
          local: '192.168.10.182',
          prefixlen: 24,
          broadcast: '192.168.10.255',
          scope: 'global',
          dynamic: true,
          label: 'eth0',
          valid_life_time: 43191,
          preferred_life_time: 43191,
        },
      ],
    },
  ]);

  it('keeps a DHCP lease lifetime and the dynamic flag, and nothing for a permanent address', () => {
    const r = ip.parseAddresses(text);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.get(2)?.[0]).toMatchObject({local: '192.168.10.182', validLft: 43191, dynamic: true});
    expect(r.value.get(1)?.[0].validLft).toBeUndefined();
    expect(r.value.get(1)?.[0].dynamic).toBeUndefined();
  });
});
