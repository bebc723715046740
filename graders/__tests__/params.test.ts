/** Per-learner exercises (graders/params.ts) and the carve-a-block plan they are built for. */
import ipaddr from 'ipaddr.js';
import {describe, expect, it} from 'vitest';
import {exercises} from '../../exercises/index';
import {planFor, planFromParams, params as carveParams} from '../../exercises/subnetting/carve-a-block/plan';
import {exerciseCases} from '../node';
import {baseCaseName, declaredSeed, expandSeeds, instantiate, paramsFor, paramsScript, parseParamArgs} from '../params';
import {grade} from '../exercise';
import {recordedState} from './recorded';

const carve = exercises['subnetting/carve-a-block'];
if (!carve) throw new Error('subnetting/carve-a-block is missing');

describe('per-learner params', () => {
  it('reads --param seed=N and explains malformed ones', () => {
    expect(parseParamArgs(['seed=7'])).toEqual({seed: 7});
    expect(parseParamArgs([])).toEqual({seed: undefined});
    expect(parseParamArgs(['seed=x']).error).toMatch(/whole number/);
    expect(parseParamArgs(['seed=99999999999']).error).toMatch(/whole number/);
    expect(parseParamArgs(['color=red']).error).toMatch(/unknown parameter "color"/);
    expect(parseParamArgs(['7']).error).toMatch(/name=value/);
  });

  it('names seeded cases by seed: the solution once per seed, the others by their # seed line', () => {
    const names = exerciseCases(carve).map((c) => c.name);
    for (const s of carve.seeds) expect(names).toContain(`solution--seed-${s}`);
    expect(names).toContain('near-miss/too-small--seed-4');
    expect(names).toContain(`start--seed-${carve.seeds[0]}`);
    expect(new Set(exerciseCases(carve).map((c) => c.seed)).size).toBeGreaterThanOrEqual(3);
    expect(baseCaseName('solution--seed-7')).toBe('solution');
    expect(declaredSeed('# expect-fail: x\n# seed: 21\nip link')).toBe(21);
    const plain = Object.values(exercises).find((e) => !e.params);
    if (plain) expect(expandSeeds(plain, exerciseCases(plain))).toEqual(exerciseCases(plain));
  });

  it('binds checks and probes to the seed, and refuses to grade without one', () => {
    const one = instantiate(carve, 7);
    const p = paramsFor(carve, 7);
    expect(one.params).toBeUndefined();
    expect(one.probes.map((x) => (x.kind === 'ping' ? x.to : ''))).toContain(String(p.LAN2_HOST));
    expect(paramsScript(p, 7)).toContain(`BLOCK=${p.BLOCK}\n`);
    expect(() => paramsFor(carve, -1)).toThrow(/whole number/);
    const r = grade(carve, {ok: true, value: recordedState('subnetting/carve-a-block', 'solution--seed-7')});
    expect(r.verdict).toBe('error');
    expect(r.error).toMatch(/per-learner/);
  });
});

describe('carve-a-block plan', () => {
  it('fits every seed: inside the block, smallest prefix, packed largest first, no overlap', () => {
    for (let seed = 0; seed < 500; seed++) {
      const plan = planFor(seed);
      const [block, bp] = ipaddr.IPv4.parseCIDR(plan.block);
      let next = block.toByteArray().reduce((n, b) => n * 256 + b, 0);
      for (const l of Object.values(plan.lans)) {
        const [net, p] = ipaddr.IPv4.parseCIDR(l.cidr);
        expect(net.match(block, bp)).toBe(true);
        expect(ipaddr.IPv4.parse(l.broadcast).match(block, bp)).toBe(true);
        expect(2 ** (32 - p) - 2).toBeGreaterThanOrEqual(l.hosts + 1);
        expect(2 ** (32 - p - 1) - 2).toBeLessThan(l.hosts + 1);
        expect(net.toByteArray().reduce((n, b) => n * 256 + b, 0)).toBe(next);
        next += 2 ** (32 - p);
        expect(ipaddr.IPv4.parse(l.router).match(net, p) && ipaddr.IPv4.parse(l.host).match(net, p)).toBe(true);
        expect([l.net, l.broadcast]).not.toContain(l.host);
      }
      expect(planFromParams(carveParams(seed))).toEqual(plan);
    }
  });
});
