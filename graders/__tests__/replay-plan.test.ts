/** Which cases the live replay runs, and what it says about stale recordings. */
import {describe, expect, it} from 'vitest';
import type {ExerciseCase} from '../node';
import {planCases, replayMode} from '../replay';
import {staleReasons} from '../provenance';
import type {CaseInputs} from '../snapshot';

const kase = (name: string): ExerciseCase => ({
  name,
  script: name === 'start' ? null : `# ${name}`,
  scriptPath: null,
  expect: {verdict: 'passed'},
});
const cases = ['start', 'solution', 'near-miss/a', 'alternative/b'].map(kase);
const inputs = (c: ExerciseCase): CaseInputs => ({
  reset: 'r1',
  exercise: 'e1',
  script: `s-${c.name}`,
  collector: 'c1',
  image: 'i1',
});

describe('replay plan', () => {
  it('replays only the solution when every recording is current', () => {
    const plan = planCases(cases, 'changed', inputs, inputs);
    expect(plan.filter((p) => p.live).map((p) => p.case.name)).toEqual(['solution']);
    expect(plan.some((p) => p.stale.length)).toBe(false);
  });

  it('replays a case whose script changed, and says so', () => {
    const plan = planCases(cases, 'changed', inputs, (c) =>
      c.name === 'near-miss/a' ? {...inputs(c), script: 'old'} : inputs(c),
    );
    const nm = plan.find((p) => p.case.name === 'near-miss/a');
    expect(nm).toMatchObject({live: true, stale: ['its script changed'], why: 'stale: its script changed'});
    expect(plan.filter((p) => p.live).map((p) => p.case.name)).toEqual(['solution', 'near-miss/a']);
  });

  it('treats missing recordings and recordings without inputs as stale', () => {
    const plan = planCases(cases, 'changed', inputs, (c) => (c.name === 'start' ? undefined : null));
    expect(plan.every((p) => p.live && p.stale.length === 1)).toBe(true);
    expect(plan[0]?.why).toBe('stale: it has no recording');
    expect(plan[2]?.why).toBe('stale: recorded before input hashes were kept');
  });

  it('names every changed input: a new image or collector stales everything', () => {
    expect(staleReasons(inputs(kase('x')), {...inputs(kase('x')), image: 'i2', collector: 'c2'})).toEqual([
      'the collector changed',
      'the VM image changed',
    ]);
    expect(staleReasons(inputs(kase('x')), {...inputs(kase('x')), reset: 'r2', exercise: 'e2'})).toEqual([
      'the shared reset changed',
      'setup.sh or exercise.ts changed',
    ]);
  });

  it('NETLAB_REPLAY=all replays everything, =0 nothing, but both still see stale recordings', () => {
    const old = (c: ExerciseCase) => ({...inputs(c), image: 'i0'});
    expect(planCases(cases, 'all', inputs, inputs).every((p) => p.live)).toBe(true);
    expect(planCases(cases, 'all', inputs, old).every((p) => p.stale[0] === 'the VM image changed')).toBe(true);
    const none = planCases(cases, 'none', inputs, old);
    expect(none.some((p) => p.live)).toBe(false);
    expect(none.every((p) => p.stale.length === 1)).toBe(true);
    expect([replayMode('0'), replayMode('all'), replayMode(undefined), replayMode('1')]).toEqual([
      'none',
      'all',
      'changed',
      'changed',
    ]);
  });
});
