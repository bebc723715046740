import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseCniProbe} from '../parse/cni';
import {probeLine, probeResult, ProbeDeclSchema} from '../probes';

// Recorded in the VM: node1's bridge + host-local config after pod-new's ADD
// took 10.244.1.2, and a bridge config with static IPAM.
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const HOST_LOCAL = fixture('cni-probe-host-local.txt');
const STATIC = fixture('cni-probe-static.txt');

describe('cni probe', () => {
  const decl = ProbeDeclSchema.parse({id: 'ipam', kind: 'cni', from: 'node1'});

  it('is one collector line, with the runtime default directory', () => {
    expect(probeLine(decl)).toBe('ipam cni node1 /etc/cni/net.d');
  });

  it('reads the config, the ADD and DEL results and the allocations around them', () => {
    const r = probeResult(decl, 0, HOST_LOCAL);
    expect(r.ok).toBe(true);
    const cni = r.cni;
    expect(cni?.configPath).toBe('/etc/cni/net.d/10-node1.conf');
    expect(JSON.parse(cni?.config ?? '')).toMatchObject({type: 'bridge', bridge: 'cni0'});
    expect(cni?.dataDir).toBe('/var/lib/cni/networks/node1');
    expect(cni?.before).toEqual([{ip: '10.244.1.2', containerId: 'pod-new', ifname: 'eth0'}]);
    expect(cni?.add.exitCode).toBe(0);
    expect(JSON.parse(cni?.add.output ?? '')).toMatchObject({ips: [{address: '10.244.1.3/24'}]});
    expect(cni?.afterAdd.map((a) => a.ip)).toEqual(['10.244.1.2', '10.244.1.3']);
    expect(cni?.afterAdd[1]?.containerId).toBe('netlab-cni-c1');
    expect(cni?.del.exitCode).toBe(0);
    expect(cni?.afterDel.map((a) => a.ip)).toEqual(['10.244.1.2']);
  });

  it('has no data directory and no allocations without host-local', () => {
    const cni = parseCniProbe(STATIC);
    expect(cni?.dataDir).toBeNull();
    expect(cni?.afterAdd).toEqual([]);
    expect(JSON.parse(cni?.add.output ?? '')).toMatchObject({ips: [{address: '10.244.1.9/24'}]});
  });

  it('is not ok when the plugin fails, and keeps its error', () => {
    const failed = HOST_LOCAL.replace('@@add 0', '@@add 1');
    const r = probeResult(decl, 0, failed);
    expect(r.ok).toBe(false);
    expect(r.cni?.add.exitCode).toBe(1);
  });

  it('reports no configuration as null, with the collector message as output', () => {
    const r = probeResult(decl, 2, 'no network configuration (*.conf, *.conflist, *.json) in /etc/cni/net.d');
    expect(r.ok).toBe(false);
    expect(r.cni).toBeNull();
    expect(r.output).toContain('no network configuration');
  });

  it('takes a marker-like line inside the config as text, not as a new part', () => {
    const cni = parseCniProbe('@@config /x.conf\n{"a":1}\n@@config inner\n@@ipam /d\n@@before\n');
    expect(cni?.config).toBe('{"a":1}\n@@config inner');
    expect(cni?.dataDir).toBe('/d');
  });
});

describe('cni probe with a .conflist', () => {
  it("runs the chain with the list's name, so host-local keeps its addresses under that name", () => {
    const cni = parseCniProbe(fixture('cni-probe-conflist.txt'));
    expect(cni?.configPath).toBe('/etc/cni/list/10-k8s.conflist');
    expect(cni?.dataDir).toBe('/var/lib/cni/networks/k8s');
    expect(cni?.add.exitCode).toBe(0);
    expect(cni?.afterAdd).toEqual([{ip: '10.244.1.2', containerId: 'netlab-cni-c3', ifname: 'eth0'}]);
    expect(cni?.del.exitCode).toBe(0);
    expect(cni?.afterDel).toEqual([]);
  });
});
