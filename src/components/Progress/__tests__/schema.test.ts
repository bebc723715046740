import {describe, expect, it} from 'vitest';
import {emptyExercise, mergeProgress, parseStored, ProgressFile, type Progress} from '../schema';

const solved = (at: string) => ({
  ...emptyExercise(),
  solvedAt: at,
  attempts: 2,
  lastVerdict: 'passed' as const,
  lastCheckedAt: at,
});

describe('progress schema', () => {
  it('reads back what it stores', () => {
    const p: Progress = {version: 1, exercises: {'bridges/two-namespaces': solved('2026-01-02T03:04:05.000Z')}};
    expect(parseStored(JSON.stringify(p))).toEqual(p);
  });

  it('treats unreadable or foreign data as absent instead of throwing', () => {
    expect(parseStored(null)).toBeNull();
    expect(parseStored('{not json')).toBeNull();
    expect(parseStored(JSON.stringify({version: 2, exercises: {}}))).toBeNull();
    expect(parseStored(JSON.stringify({version: 1, exercises: {x: {solvedAt: 'yesterday'}}}))).toBeNull();
  });

  it('merges two records keeping every solve and the earliest date', () => {
    const a: Progress = {version: 1, exercises: {x: solved('2026-01-05T00:00:00.000Z'), y: emptyExercise()}};
    const b: Progress = {
      version: 1,
      exercises: {x: solved('2026-01-01T00:00:00.000Z'), z: solved('2026-01-03T00:00:00.000Z')},
    };
    const m = mergeProgress(a, b);
    expect(m.exercises.x?.solvedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(m.exercises.y?.solvedAt).toBeNull();
    expect(m.exercises.z?.solvedAt).toBe('2026-01-03T00:00:00.000Z');
  });

  it('recognises only its own export files', () => {
    const file = {
      format: 'netlab-progress',
      exportedAt: '2026-01-01T00:00:00.000Z',
      progress: {version: 1, exercises: {}},
    };
    expect(ProgressFile.safeParse(file).success).toBe(true);
    expect(ProgressFile.safeParse({...file, format: 'other'}).success).toBe(false);
  });
});

describe('learner seed', () => {
  it('is optional, so progress stored before it existed still reads', () => {
    expect(parseStored(JSON.stringify({version: 1, exercises: {}}))).toEqual({version: 1, exercises: {}});
    expect(parseStored(JSON.stringify({version: 1, exercises: {}, seed: 7}))?.seed).toBe(7);
    expect(parseStored(JSON.stringify({version: 1, exercises: {}, seed: -1}))).toBeNull();
  });

  it('comes back with an imported file, and stays when the file has none', () => {
    const here: Progress = {version: 1, exercises: {}, seed: 1};
    expect(mergeProgress(here, {version: 1, exercises: {}, seed: 2}).seed).toBe(2);
    expect(mergeProgress(here, {version: 1, exercises: {}}).seed).toBe(1);
  });
});
