/**
 * The tri-state NAT query on states recorded in the VM: a rule it can read
 * matches or does not; a rule with a named set or a verdict map is
 * "unknown", never a mismatch, unless another match in it already fails.
 */
import {describe, expect, it} from 'vitest';
import {natStatus, sourceNat, type NatDecision} from '../nat';
import {recordedState} from './recorded';

const toWan = {src: '192.168.10.2', dst: '203.0.113.2', iif: 'veth-lan', oif: 'veth-wan'};

function decide(caseFile: string, p = toWan): NatDecision {
  const root = recordedState('nat/masquerade', caseFile).namespaces.find((n) => n.name === null);
  if (!root) throw new Error('no root namespace');
  return sourceNat(root, p);
}

describe('sourceNat', () => {
  it.each([
    ['solution', 'masquerade', 'iptables'],
    ['alternative--nft-masquerade', 'masquerade', 'nftables'],
    ['alternative--nft-interface-set', 'masquerade', 'nftables'],
    ['alternative--user-chain', 'masquerade', 'iptables'],
    ['alternative--iptables-legacy', 'masquerade', 'iptables-legacy'],
    ['alternative--nft-inet-snat', 'snat', 'nftables'],
  ])('%s: a readable rule matches (%s by %s)', (c, kind, tool) => {
    const d = decide(c);
    expect(natStatus(d)).toBe('matches');
    expect(d).toMatchObject({kind, tool});
    if (d.kind === 'masquerade' || d.kind === 'snat') expect(d.to).toBe('203.0.113.1');
  });

  it('a named set is unknown, and says so', () => {
    const d = decide('alternative--nft-named-set');
    expect(natStatus(d)).toBe('unknown');
    expect(d).toMatchObject({kind: 'unknown', tool: 'nftables'});
    if (d.kind === 'unknown') {
      expect(d.why).toContain('@lan');
      expect(d.rule).toContain('masquerade');
    }
  });

  it('a verdict map is unknown', () => {
    const d = decide('alternative--nft-vmap');
    expect(d).toMatchObject({kind: 'unknown'});
    if (d.kind === 'unknown') expect(d.why).toMatch(/vmap/);
  });

  it('a definite mismatch in the same rule beats an unknown set: no NAT toward another interface', () => {
    expect(decide('alternative--nft-named-set', {...toWan, oif: 'veth-lan'})).toEqual({kind: 'none'});
    expect(decide('alternative--nft-interface-set', {...toWan, oif: 'veth-lan'})).toEqual({kind: 'none'});
  });

  it('a readable rule that does not apply is a mismatch', () => {
    expect(natStatus(decide('near-miss--wrong-interface'))).toBe('no-match');
    expect(natStatus(decide('start'))).toBe('no-match');
    // The user chain RETURNs for sources outside 192.168.10.0/24.
    expect(decide('alternative--user-chain', {...toWan, src: '10.9.9.9'})).toEqual({kind: 'none'});
  });

  it('reports the SNAT address it would use', () => {
    expect(decide('near-miss--wrong-snat-address')).toMatchObject({kind: 'snat', to: '203.0.113.5'});
  });
});
