import {describe, expect, it} from 'vitest';
import {parseNftRuleset} from '../parse/nft';
import {recordedSection} from './recorded';

describe('parseNftRuleset', () => {
  it('reads tables, base chains and rules from real VM output', () => {
    const r = parseNftRuleset(recordedSection('nat/masquerade', 'alternative--nft-masquerade', '.', 'nft'));
    if (!r.ok) throw new Error(r.error);
    expect(r.value.tables).toContainEqual({family: 'ip', name: 'nat'});
    expect(r.value.chains).toContainEqual(
      expect.objectContaining({table: 'nat', name: 'postrouting', type: 'nat', hook: 'postrouting'}),
    );
    expect(
      r.value.rules.some((x) => x.expr.some((e) => typeof e === 'object' && e !== null && 'masquerade' in e)),
    ).toBe(true);
  });

  it('treats empty output as an empty ruleset', () => {
    expect(parseNftRuleset('')).toEqual({ok: true, value: {tables: [], chains: [], rules: []}});
  });

  it.each([
    ['not JSON', 'table ip nat {'],
    ['no nftables array', '{"tables":[]}'],
    ['a chain without a name', '{"nftables":[{"chain":{"family":"ip","table":"nat"}}]}'],
    ['a rule without expressions', '{"nftables":[{"rule":{"family":"ip","table":"nat","chain":"x"}}]}'],
  ])('reports %s', (_w, text) => {
    const r = parseNftRuleset(text);
    expect(r.ok).toBe(false);
  });
});
