import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {describeDevice, lowerOf} from '../devices';
import type {Link} from '../model';
import * as ip from '../parse/iproute';
import {Query} from '../query';
import {recordedSection, recordedState} from './recorded';

const ok = <T>(r: {ok: true; value: T} | {ok: false; error: string}): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const named = (links: Link[], name: string): Link => {
  const l = links.find((x) => x.name === name);
  if (!l) throw new Error(`no link ${name}`);
  return l;
};

describe('virtual device details from real `ip -j -d link` output', () => {
  const bond = (c: string) => ok(ip.parseLinks(recordedSection('devices/active-backup-bond', c, 'server', 'ip.link')));

  it('reads an active-backup bond, its monitor and its slaves', () => {
    const links = bond('solution');
    expect(named(links, 'bond0').bond).toMatchObject({
      mode: 'active-backup',
      activeSlave: 'eth1',
      miimon: 100,
      arpInterval: 0,
      arpIpTargets: [],
    });
    // eth0's cable is unplugged: the MII monitor saw it and keeps it as the backup.
    expect(named(links, 'eth0')).toMatchObject({master: 'bond0', portKind: 'bond'});
    expect(named(links, 'eth0').bondSlave).toMatchObject({state: 'BACKUP', miiStatus: 'DOWN'});
    expect(named(links, 'eth1').bondSlave).toMatchObject({state: 'ACTIVE', miiStatus: 'UP'});
  });

  it('reads a bond without link monitoring, and ARP monitoring targets', () => {
    expect(named(bond('near-miss--no-miimon'), 'bond0').bond).toMatchObject({miimon: 0, activeSlave: 'eth0'});
    expect(named(bond('alternative--arp-monitor'), 'uplink').bond).toMatchObject({
      miimon: 0,
      arpInterval: 200,
      arpIpTargets: ['10.30.0.2'],
    });
    expect(named(bond('near-miss--balance-rr'), 'bond0').bond?.mode).toBe('balance-rr');
  });

  it('reads macvlan modes and ipvlan mode and flag', () => {
    const mv = (c: string) => ok(ip.parseLinks(recordedSection('devices/macvlan-bridge', c, 'ns1', 'ip.link')));
    expect(named(mv('solution'), 'mv1').macvlanMode).toBe('bridge');
    expect(named(mv('near-miss--default-vepa'), 'mv1').macvlanMode).toBe('vepa');
    expect(named(mv('near-miss--private-mode'), 'mv1').macvlanMode).toBe('private');
    expect(named(mv('alternative--ipvlan-l2'), 'ipv1').ipvlan).toEqual({mode: 'l2', flag: 'bridge'});
  });

  it('reads tun/tap, VRF masters and members, passthru macvlan and private ipvlan', () => {
    const text = readFileSync(join(__dirname, 'fixtures', 'devices-links.json'), 'utf8');
    const links = ok(ip.parseLinks(text));
    expect(named(links, 'tun0').tun).toMatchObject({type: 'tun', persist: true});
    expect(named(links, 'tap0').tun).toMatchObject({type: 'tap', user: 'nobody'});
    expect(named(links, 'red')).toMatchObject({kind: 'vrf', vrfTable: 10});
    expect(named(links, 'd1')).toMatchObject({kind: 'dummy', portKind: 'vrf', master: 'red', vrfTable: 10});
    expect(named(links, 'pt').macvlanMode).toBe('passthru');
    expect(named(links, 'ipv').ipvlan).toEqual({mode: 'l3', flag: 'private'});
    // Links of other kinds gain no keys.
    expect(
      Object.keys(named(links, 'lan1')).filter((k) => ['bond', 'tun', 'ipvlan', 'macvlanMode'].includes(k)),
    ).toEqual([]);
  });

  it('never fails a link over device details of an unexpected shape', () => {
    const odd = JSON.stringify([
      {ifindex: 5, ifname: 'b', flags: [], linkinfo: {info_kind: 'bond', info_data: {mode: 7}}},
    ]);
    const [b] = ok(ip.parseLinks(odd));
    expect(b).toMatchObject({name: 'b', kind: 'bond'});
    expect(b?.bond).toBeUndefined();
  });
});

describe('lowerOf', () => {
  it('finds a macvlan parent in the root namespace from inside a namespace', () => {
    const q = new Query(recordedState('devices/macvlan-bridge', 'alternative--create-then-move'));
    const eth0 = q.link('eth0', 'ns1');
    expect(eth0 && describeDevice(eth0)).toBe('macvlan (mode bridge)');
    const lower = eth0 && lowerOf(q, eth0, 'ns1');
    expect(lower?.ns).toBeNull();
    expect(lower?.link.name).toBe('lan0');
  });

  it('finds a parent in the same namespace by name', () => {
    const text = readFileSync(join(__dirname, 'fixtures', 'devices-links.json'), 'utf8');
    const links = ok(ip.parseLinks(text));
    const state = recordedState('devices/macvlan-bridge', 'start');
    const root = state.namespaces.find((n) => n.name === null);
    if (!root) throw new Error('no root namespace');
    root.links = links;
    const q = new Query(state);
    expect(lowerOf(q, named(links, 'pt'))?.link.name).toBe('lan1');
  });
});
