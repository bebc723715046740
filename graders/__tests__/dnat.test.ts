/**
 * DNAT rules read from states recorded in the VM: the hook a rule sits on,
 * where it sends packets, and whether its matches apply to wan's packet
 * (a protocol or port match is "unknown", never a mismatch).
 */
import {describe, expect, it} from 'vitest';
import {destNatRules, parseToDestination, type DnatRule} from '../dnat';
import {recordedState} from './recorded';

const fromWan = {src: '203.0.113.2', dst: '203.0.113.1', iif: 'veth-wan', oif: 'veth-lan'};

function rules(caseFile: string): DnatRule[] {
  const root = recordedState('nat/port-forward', caseFile).namespaces.find((n) => n.name === null);
  if (!root) throw new Error('no root namespace');
  return destNatRules(root, fromWan);
}

describe('parseToDestination', () => {
  it.each([
    ['192.168.10.2:80', '192.168.10.2', 80],
    ['192.168.10.2', '192.168.10.2', undefined],
    ['10.0.0.1-10.0.0.3:80-90', '10.0.0.1', 80],
  ])('%s', (spec, to, port) => expect(parseToDestination(spec)).toEqual({to, port}));
});

describe('destNatRules', () => {
  it('the start state has none', () => expect(rules('start')).toEqual([]));

  it('iptables DNAT in PREROUTING: target read, `-p tcp` left unknown', () => {
    const [r, ...rest] = rules('solution');
    expect(rest).toEqual([]);
    expect(r).toMatchObject({tool: 'iptables', hook: 'prerouting', to: '192.168.10.2', port: 80});
    expect(r.match.m).toBe('unknown');
    expect(r.match.why).toContain('-p tcp');
  });

  it('a DNAT in OUTPUT is on the output hook', () => {
    expect(rules('near-miss--output-chain')).toMatchObject([{hook: 'output', to: '192.168.10.2', port: 80}]);
  });

  it('the wrong port is reported as written', () => {
    expect(rules('near-miss--wrong-port')).toMatchObject([{hook: 'prerouting', port: 8080}]);
  });

  it('an input interface that is not wan is a definite mismatch', () => {
    expect(rules('near-miss--wrong-interface')[0].match.m).toBe(false);
  });

  it.each(['alternative--nft-dnat', 'alternative--nft-inet-forward-filter'])('%s: native nftables dnat', (c) => {
    const rs = rules(c);
    expect(rs).toMatchObject([{tool: 'nftables', hook: 'prerouting', to: '192.168.10.2', port: 80}]);
    expect(rs[0].match.m).not.toBe(false);
  });
});
