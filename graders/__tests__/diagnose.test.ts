/**
 * Diagnoses of a failed flow, on states recorded in the VM: each names the
 * real cause and the direction it breaks, and a working router has none.
 */
import {describe, expect, it} from 'vitest';
import {diagnoseFlow, type Diagnosis} from '../diagnose';
import {forwardFilter} from '../filter';
import {recordedState} from './recorded';

const nat = (c: string): Diagnosis[] =>
  diagnoseFlow(recordedState('nat/masquerade', c), {
    client: '192.168.10.2',
    server: '203.0.113.2',
    iif: 'veth-lan',
    clientName: 'lan',
    serverName: 'wan',
  });

const gateway = (c: string, host: string, client: string): Diagnosis[] =>
  diagnoseFlow(recordedState('bridges/gateway-on-bridge', c), {
    client,
    server: '172.16.0.1',
    iif: 'br0',
    clientName: host,
    serverName: 'the root namespace',
  });

const causes = (ds: Diagnosis[]) => ds.map((d) => `${d.direction}:${d.cause}`);

describe('diagnoseFlow', () => {
  it.each([
    'solution',
    'alternative--forwarding-per-interface',
    'alternative--nft-named-set',
    'near-miss--wrong-interface',
  ])('%s: nothing in the router stops the flow', (c) => expect(nat(c)).toEqual([]));

  it('forwarding on the inside interface only breaks the replies, and names the outside interface', () => {
    const ds = nat('near-miss--forwarding-one-interface');
    expect(causes(ds)).toEqual(['reply:forwarding']);
    expect(ds[0].message).toContain('net.ipv4.conf.veth-wan.forwarding = 0');
  });

  it('forwarding off everywhere breaks both directions', () => {
    expect(causes(nat('near-miss--no-forwarding'))).toEqual(['request:forwarding', 'reply:forwarding']);
  });

  it('an iptables FORWARD policy DROP stops both directions', () => {
    const ds = nat('near-miss--forward-policy-drop');
    expect(causes(ds)).toEqual(['request:forward-drop', 'reply:forward-drop']);
    expect(ds[0].message).toMatch(/iptables FORWARD.*policy is DROP/);
  });

  it('an nftables forward chain with policy drop stops only the direction no rule accepts', () => {
    const ds = nat('near-miss--nft-forward-drop');
    expect(causes(ds)).toEqual(['request:forward-drop']);
    expect(ds[0].message).toContain('nftables chain inet fw forward');
  });

  it('strict rp_filter with an asymmetric route drops the requests', () => {
    const ds = nat('near-miss--rp-filter-asymmetric');
    expect(causes(ds)).toEqual(['request:rp-filter']);
    expect(ds[0].message).toMatch(/strict on veth-lan.*veth-lan2/);
  });

  it('a router without a route back to the client loses the replies', () => {
    const ds = nat('near-miss--no-route-back');
    expect(causes(ds)).toEqual(['reply:no-route-back']);
    expect(ds[0].message).toContain('192.168.10.2');
  });

  it('local delivery needs no forwarding, only a route back and a passing reverse-path check', () => {
    expect(gateway('solution', 'app', '10.0.1.10')).toEqual([]);
    expect(causes(gateway('near-miss--no-route-back', 'app', '10.0.1.10'))).toEqual(['reply:no-route-back']);
    expect(causes(gateway('near-miss--rp-filter-asymmetric', 'db', '10.0.1.20'))).toEqual(['request:rp-filter']);
    expect(gateway('near-miss--rp-filter-asymmetric', 'app', '10.0.1.10')).toEqual([]);
  });
});

describe('forwardFilter', () => {
  const root = (c: string) => {
    const r = recordedState('nat/masquerade', c).namespaces.find((n) => n.name === null);
    if (!r) throw new Error('no root namespace');
    return r;
  };
  const req = {src: '192.168.10.2', dst: '203.0.113.2', iif: 'veth-lan', oif: 'veth-wan'};

  it('accepts everything when no chain drops', () => {
    expect(forwardFilter(root('solution'), req).every((c) => c.verdict === 'accept')).toBe(true);
  });

  it('reads the nftables rule that accepts the replies', () => {
    const n = root('near-miss--nft-forward-drop');
    expect(forwardFilter(n, req)).toContainEqual(expect.objectContaining({verdict: 'drop', by: 'policy'}));
    const reply = {src: '203.0.113.2', dst: '192.168.10.2', iif: 'veth-wan', oif: 'veth-lan'};
    expect(forwardFilter(n, reply).every((c) => c.verdict === 'accept')).toBe(true);
  });
});
