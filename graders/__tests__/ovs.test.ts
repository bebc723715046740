import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseOvs} from '../parse/ovs';
import {Query} from '../query';
import {buildNetState} from '../state';
import type {Section} from '../sections';

const ok = <T>(r: {ok: true; value: T} | {ok: false; error: string}): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

/**
 * Real VM output (openvswitch-switch 3.1) of the collector's ovs-vsctl
 * command, for a bridge ovsbr0 with access ports in VLANs 10 and 20, an
 * internal trunk port and a VXLAN port.
 */
const fixture = readFileSync(join(__dirname, 'fixtures', 'ovs-vsctl.txt'), 'utf8');

describe('parseOvs', () => {
  const s = ok(parseOvs(fixture));

  it('names the ports of each bridge, the bridge itself included', () => {
    expect(s.bridges).toEqual([
      {name: 'ovsbr0', ports: ['ovsbr0', 'trunk0', 'veth-blue1', 'veth-blue2', 'veth-red1', 'veth-red2', 'vx0']},
    ]);
  });

  it('reads tags, trunks and interfaces of ports', () => {
    const port = (n: string) => s.ports.find((p) => p.name === n);
    expect(port('veth-red1')).toEqual({
      name: 'veth-red1',
      bridge: 'ovsbr0',
      tag: 10,
      trunks: [],
      vlanMode: undefined,
      interfaces: ['veth-red1'],
    });
    expect(port('veth-blue2')?.tag).toBe(20);
    expect(port('trunk0')).toMatchObject({tag: undefined, trunks: [10, 20]});
  });

  it('reads interface types, options and states', () => {
    const intf = (n: string) => s.interfaces.find((i) => i.name === n);
    expect(intf('vx0')).toEqual({
      name: 'vx0',
      type: 'vxlan',
      options: {key: '42', remote_ip: '192.168.100.2'},
      ofport: 6,
      adminState: 'up',
      linkState: 'up',
      error: undefined,
    });
    expect(intf('ovsbr0')).toMatchObject({type: 'internal', ofport: 65534, adminState: 'down'});
    expect(intf('veth-red1')).toMatchObject({type: '', ofport: 1, linkState: 'up'});
  });

  it('reads single-element sets printed as bare atoms', () => {
    const one = [
      '{"data":[[["uuid","p1"],"a",["set",[]],7,"trunk",["uuid","i1"]]],"headings":["_uuid","name","tag","trunks","vlan_mode","interfaces"]}',
      '{"data":[["br",["uuid","p1"]]],"headings":["name","ports"]}',
      '{"data":[[["uuid","i1"],"a","",["map",[]],["set",[]],["set",[]],["set",[]],"could not open network device a (No such device)"]],"headings":["_uuid","name","type","options","ofport","admin_state","link_state","error"]}',
    ].join('\n');
    const v = ok(parseOvs(one));
    expect(v.bridges).toEqual([{name: 'br', ports: ['a']}]);
    expect(v.ports[0]).toMatchObject({bridge: 'br', tag: undefined, trunks: [7], vlanMode: 'trunk', interfaces: ['a']});
    expect(v.interfaces[0]).toMatchObject({
      ofport: undefined,
      linkState: undefined,
      error: expect.stringMatching(/No such/),
    });
  });

  it('rejects other shapes', () => {
    expect(parseOvs('').ok).toBe(false);
    expect(parseOvs('{\n{\n{').ok).toBe(false);
    expect(parseOvs('[]\n[]\n[]').ok).toBe(false);
  });
});

describe('NetState.ovs', () => {
  const sec = (name: string, body: string, rc = 0): Section => ({ns: '.', name, rc, body});
  const base = [sec('ip.link', '[]'), sec('ip.addr', '[]'), sec('ip.route', '[]')];

  it('is absent when the collector found no ovsdb-server', () => {
    const q = new Query(ok(buildNetState(base)));
    expect(q.ovsRunning()).toBe(false);
    expect(q.ovsPort('veth-red1')).toBeUndefined();
  });

  it('is read from the ovs section', () => {
    const q = new Query(ok(buildNetState([...base, sec('ovs', fixture)])));
    expect(q.ovsRunning()).toBe(true);
    expect(q.ovsPort('veth-blue1')).toMatchObject({bridge: 'ovsbr0', tag: 20});
    expect(q.ovsInterface('vx0')?.options.remote_ip).toBe('192.168.100.2');
  });

  it('makes a failed ovs-vsctl a problem, not an error', () => {
    const st = ok(
      buildNetState([
        ...base,
        sec('ovs', 'ovs-vsctl: unix:/var/run/openvswitch/db.sock: database connection failed', 1),
      ]),
    );
    expect(st.ovs).toBeUndefined();
    expect(st.problems[0]).toMatch(/ovs-vsctl failed \(exit 1\)/);
  });
});
