import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {discoverExercises, exerciseFolders, loadDefinition} from '../discover';
import {exercises, getExercise} from '../../exercises/index';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'exercises');
const REAL = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'exercises');

describe('exercise discovery', () => {
  it('finds every chapter/slug folder and skips shared ones like _lib', () => {
    expect(exerciseFolders(FIXTURES)).toEqual([
      'Bad_Chapter/thing',
      'demo/complete',
      'demo/invalid',
      'demo/malformed',
      'demo/misnamed',
      'demo/no-definition',
      'demo/not-loading',
    ]);
    expect(exerciseFolders(path.join(FIXTURES, 'nowhere'))).toEqual([]);
  });

  it('loads a definition whose id is its folder', async () => {
    const r = await loadDefinition(FIXTURES, 'demo/complete');
    expect(r.problems).toEqual([]);
    expect(r.exercise?.checks.map((c) => c.id)).toEqual(['bridge']);
  });

  it('names the file and the fix when the id and the folder disagree', async () => {
    const [p] = (await loadDefinition(FIXTURES, 'demo/misnamed')).problems;
    expect(p?.file).toMatch(/demo\/misnamed\/exercise\.ts$/);
    expect(p?.problem).toContain('says id "demo/elsewhere"');
    expect(p?.fix).toContain('set id: "demo/misnamed"');
    expect(p?.fix).toContain('exercises/demo/elsewhere/');
  });

  it('reports a missing, an invalid and a crashing definition without throwing', async () => {
    const missing = await loadDefinition(FIXTURES, 'demo/no-definition');
    expect(missing.problems[0]?.problem).toBe('the exercise definition is missing');
    expect(missing.problems[0]?.fix).toContain('npm run new:exercise -- demo/no-definition');

    const invalid = await loadDefinition(FIXTURES, 'demo/invalid');
    expect(invalid.problems[0]?.problem).toMatch(/not a valid exercise: .*checks/);

    const crashing = await loadDefinition(FIXTURES, 'demo/not-loading');
    expect(crashing.problems[0]?.problem).toMatch(/^does not load: .*is invalid/s);
    // defineExercise's own "fix:" line becomes the fix, not part of the problem.
    expect(crashing.problems[0]?.problem).not.toContain('fix:');
    expect(crashing.problems[0]?.fix).toContain('graders/README.md');
  });

  it('rejects folder names that cannot be ids', async () => {
    const [p] = (await loadDefinition(FIXTURES, 'Bad_Chapter/thing')).problems;
    expect(p?.problem).toContain('not a valid exercise folder name');
    expect(p?.severity).toBe('error');
  });

  it('collects what loads and what does not', async () => {
    const r = await discoverExercises(FIXTURES);
    expect(r.exercises.map((e) => e.id)).toEqual(['demo/complete', 'demo/malformed']);
    expect(r.problems.map((p) => /exercises\/([^/]+\/[^/]+)/.exec(p.file)?.[1])).toEqual([
      'Bad_Chapter/thing',
      'demo/invalid',
      'demo/misnamed',
      'demo/no-definition',
      'demo/not-loading',
    ]);
  });

  it("gives the real course's exercises through the old API, one per folder", () => {
    expect(Object.keys(exercises).sort()).toEqual(exerciseFolders(REAL));
    expect(getExercise('bridges/two-namespaces')?.title).toBe('Two namespaces on one bridge');
    expect(getExercise('bridges/nope')).toBeUndefined();
  });
});
