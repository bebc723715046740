/**
 * The collector's processes and dnsmasq lease sections: parsers against real
 * VM output (fixtures/dhcp-procs-leases.txt: the DHCP lab's reference
 * solution, collected with NETLAB_PROCS="dnsmasq dhclient udhcpc"), and the
 * collector's own lease-file lookup run in bash on this machine.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {collectorScript} from '../node';
import {parseDnsmasqLeases, parseProcs} from '../parse/procs';
import {parseSections} from '../sections';
import {buildNetState} from '../state';

const FIXTURE = readFileSync(join(import.meta.dirname, 'fixtures', 'dhcp-procs-leases.txt'), 'utf8');
const LEASES = '/var/lib/misc/dnsmasq.leases';
/** The sections a state cannot do without, empty. */
const ROOT = ['ip.link', 'ip.addr', 'ip.route'].map((s) => `@@section . ${s} 0 2\n[]\n`).join('');
const END = '@@section . end 0 0\n\n';

function fixtureState() {
  const sections = parseSections(ROOT + FIXTURE + END);
  if (!sections.ok) throw new Error(sections.error);
  const state = buildNetState(sections.value);
  if (!state.ok) throw new Error(state.error);
  return state.value;
}

describe('processes', () => {
  it('names each process, its namespace and its arguments', () => {
    const {processes = []} = fixtureState();
    expect(processes.map((p) => [p.comm, p.ns])).toEqual([
      ['dnsmasq', 'dns'],
      ['dnsmasq', 'dhcp'],
      ['dhclient', 'client1'],
      ['dhclient', 'client2'],
      ['dhclient', 'printer'],
    ]);
    const server = processes[1];
    expect(server.args).toContain('--dhcp-host=02:00:00:00:10:50,192.168.10.50');
    expect(server.args[0]).toBe('dnsmasq');
    expect(server.leaseFile).toBe(LEASES);
    expect(processes[2].leaseFile).toBeUndefined();
  });

  it('maps "." to the root namespace and "?" to an unnamed one', () => {
    const r = parseProcs('1\t.\tdnsmasq\tdnsmasq\x1f-d\n2\t?\tudhcpc\tudhcpc');
    expect(r.ok && r.value.map((p) => p.ns)).toEqual([null, undefined]);
    expect(r.ok && r.value[0].args).toEqual(['dnsmasq', '-d']);
  });

  it('rejects a line that is not pid, namespace, name, arguments', () => {
    const r = parseProcs('dnsmasq in dhcp');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/procs line 1/);
  });
});

describe('dnsmasq leases', () => {
  it('reads the IPv4 leases of the reference solution', () => {
    const {leases = {}} = fixtureState();
    expect(leases[LEASES].exists).toBe(true);
    const printer = leases[LEASES].entries.find((l) => l.mac === '02:00:00:00:10:50');
    expect(printer).toMatchObject({ip: '192.168.10.50', hostname: 'lab'});
    expect(leases[LEASES].entries).toHaveLength(3);
    expect(leases[LEASES].entries.every((l) => l.expiry > 1_700_000_000)).toBe(true);
  });

  it('skips DHCPv6 leases after the duid line and lower-cases MACs', () => {
    const r = parseDnsmasqLeases(
      '0 AA:BB:CC:00:00:01 10.0.0.9 * *\nduid 00:01:00:01\n1795537007 1234 fd00::9 * 00:01\n',
    );
    expect(r).toEqual({ok: true, value: [{expiry: 0, mac: 'aa:bb:cc:00:00:01', ip: '10.0.0.9'}]});
  });

  it('names the line that is not a lease', () => {
    const r = parseDnsmasqLeases('1795537007 02:00:00:00:10:50 192.168.10.50 lab *\ngarbage\n');
    expect(!r.ok && r.error).toMatch(/lease line 2/);
  });

  it('marks a lease file that is not there', () => {
    const sections = parseSections(`${ROOT}@@section . leases:/run/x.leases 1 0\n\n${END}`);
    if (!sections.ok) throw new Error(sections.error);
    const state = buildNetState(sections.value);
    expect(state.ok && state.value.leases).toEqual({'/run/x.leases': {exists: false, entries: []}});
  });
});

describe('the collector finds the lease file dnsmasq writes', () => {
  const fn = /^dnsmasq_leasefile\(\) \{[\s\S]*?^\}$/m.exec(collectorScript())?.[0] ?? '';
  const dir = mkdtempSync(join(tmpdir(), 'netlab-leases-'));
  const conf = join(dir, 'dhcp.conf');
  writeFileSync(conf, 'interface=eth0\n# dhcp-leasefile=/not/this\n  dhcp-leasefile=/run/from-conf.leases\n');
  const lookup = (...args: string[]): string => {
    const r = spawnSync('bash', ['-c', `${fn}\ndnsmasq_leasefile "$@"; printf %s "$LEASEFILE"`, '_', ...args], {
      encoding: 'utf8',
    });
    return r.stdout;
  };

  it.each([
    [['dnsmasq', '--port=0'], LEASES],
    [['dnsmasq', '--dhcp-leasefile=/run/a.leases'], '/run/a.leases'],
    [['dnsmasq', '-l', '/run/b.leases'], '/run/b.leases'],
    [['dnsmasq', '-l/run/c.leases'], '/run/c.leases'],
    [['dnsmasq', `--conf-file=${conf}`], '/run/from-conf.leases'],
    [['dnsmasq', '-C', conf, '--dhcp-leasefile=/run/cli.leases'], '/run/cli.leases'],
  ])('%j -> %s', (args, want) => {
    expect(fn).not.toBe('');
    expect(lookup(...args)).toBe(want);
  });
});
