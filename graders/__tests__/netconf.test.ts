import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseNetconf} from '../parse/netconf';
import {parseSysctls} from '../parse/iproute';
import {buildNetState} from '../state';
import type {Section} from '../sections';

const ok = <T>(r: {ok: true; value: T} | {ok: false; error: string}): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

/** Real VM output: one state read through netconf and through /proc/sys. */
const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'netconf-vs-sysctl.json'), 'utf8')) as Record<
  'root' | 'red',
  {netconf: string; sysctl: string}
>;

describe('parseNetconf', () => {
  it.each(['root', 'red'] as const)('gives the same values as /proc/sys in the %s namespace', (ns) => {
    const fromNetconf = ok(parseNetconf(fixture[ns].netconf));
    const fromProc = ok(parseSysctls(fixture[ns].sysctl));
    // Every key netconf covers, with the value /proc/sys shows ...
    for (const [k, v] of Object.entries(fromNetconf)) expect([k, fromProc[k]]).toEqual([k, v]);
    // ... and it covers every key except the two it has no field for.
    const missing = Object.keys(fromProc).filter((k) => !(k in fromNetconf));
    expect(missing).toEqual(['net.ipv4.ip_local_port_range']);
  });

  it('maps rp_filter names and proxy_neigh', () => {
    const v = ok(parseNetconf(fixture.root.netconf));
    expect(v['net.ipv4.conf.veth-red.rp_filter']).toBe('2');
    expect(v['net.ipv4.conf.veth-blue.rp_filter']).toBe('1');
    expect(v['net.ipv4.conf.veth-red.proxy_arp']).toBe('1');
    expect(v['net.ipv4.conf.br0.forwarding']).toBe('1');
  });

  it('reads empty output as no keys and rejects other shapes', () => {
    expect(ok(parseNetconf(''))).toEqual({});
    expect(parseNetconf('{').ok).toBe(false);
    expect(parseNetconf('[{"family": 4}]').ok).toBe(false);
  });
});

describe('buildNetState sysctls', () => {
  const sec = (ns: string, name: string, body: string): Section => ({ns, name, rc: 0, body});
  const base = (ns: string) => [sec(ns, 'ip.link', '[]'), sec(ns, 'ip.addr', '[]'), sec(ns, 'ip.route', '[]')];
  const red = (secs: Section[]) => ok(buildNetState([...base('.'), ...secs])).namespaces.find((n) => n.name === 'red');

  it("takes a namespace's sysctls from netconf when it was not entered", () => {
    const ns = red([...base('red'), sec('red', 'ip.netconf', fixture.red.netconf)]);
    expect(ns?.sysctls['net.ipv4.ip_forward']).toBe('1');
    expect(ns?.sysctls['net.ipv4.conf.eth0.rp_filter']).toBe('2');
  });

  it('prefers the /proc/sys section when there is one', () => {
    const ns = red([...base('red'), sec('red', 'ip.netconf', '[]'), sec('red', 'sysctl', fixture.red.sysctl)]);
    expect(ns?.sysctls['net.ipv4.ip_local_port_range']).toBe('32768\t60999');
    expect(ns?.sysctls['net.ipv4.conf.eth0.rp_filter']).toBe('2');
  });
});
