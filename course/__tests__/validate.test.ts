import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import type {Problem} from '../schema';
import {readSnapshot, taskTitle, validateExerciseFolder} from '../validate';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(HERE, 'fixtures', 'exercises');
const REAL = path.join(HERE, '..', '..', 'exercises');

/** "<file name>: <problem>" lines, compact enough to compare whole. */
const summary = (ps: Problem[]) => ps.map((p) => `${p.severity} ${path.basename(p.file)}: ${p.problem}`);

describe('exercise folder validation', () => {
  it('accepts a real, finished exercise', async () => {
    const r = await validateExerciseFolder(REAL, 'bridges/two-namespaces');
    expect(r.problems).toEqual([]);
    expect(r.exercise?.id).toBe('bridges/two-namespaces');
  });

  it('lists every file-level mistake of a malformed folder, with fixes', async () => {
    const r = await validateExerciseFolder(FIXTURES, 'demo/malformed');
    expect(summary(r.problems)).toEqual([
      'error task.mdx: has no `# Title` heading',
      'error setup.sh: the setup script is missing',
      'error solution.sh: line 1 uses a heredoc',
      'error unlabelled.sh: has no `# expect-fail: <check-id>` line',
      'error wrong-check.sh: expects check "no-such-check" to fail, but exercise.ts defines no such check',
      'unfinished alternatives: has no alternative solution',
      'unfinished snapshots: no recorded snapshots yet',
    ]);
    const wrong = r.problems.find((p) => p.file.endsWith('wrong-check.sh'));
    expect(wrong?.fix).toBe('use one of: real-check');
    const record = r.problems.find((p) => p.file.endsWith('snapshots'));
    expect(record?.fix).toContain('npm run record -- demo/malformed');
  });

  it('stops at the definition when it does not load', async () => {
    const r = await validateExerciseFolder(FIXTURES, 'demo/misnamed');
    expect(r.exercise).toBeUndefined();
    expect(summary(r.problems)).toEqual([
      'error exercise.ts: says id "demo/elsewhere", but its folder makes it "demo/misnamed"',
    ]);
  });

  it('reports an unreadable snapshot as an error and unrecorded cases as unfinished', async () => {
    const r = await validateExerciseFolder(FIXTURES, 'demo/complete');
    const start = r.problems.find((p) => p.file.endsWith('start.json'));
    expect(start?.severity).toBe('error');
    expect(start?.problem).toMatch(/^cannot be read: not JSON/);
    expect(summary(r.problems.filter((p) => p !== start))).toEqual([
      'unfinished solution.json: case "solution" is not recorded',
      'unfinished near-miss--down.json: case "near-miss/down" is not recorded',
      'unfinished near-miss--missing.json: case "near-miss/missing" is not recorded',
      'unfinished alternative--long-form.json: case "alternative/long-form" is not recorded',
    ]);
  });
});

describe('snapshot reading', () => {
  it('tells JSON errors from shape errors', () => {
    expect(readSnapshot('{')).toMatchObject({ok: false, error: expect.stringMatching(/^not JSON/)});
    expect(readSnapshot('{"format":"other"}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^not a netlab snapshot \(format/),
    });
  });
});

describe('task titles', () => {
  it('come from the first level-one heading', () => {
    expect(taskTitle('intro\n# The title #\n## Sub')).toBe('The title');
    expect(taskTitle('## Only a sub')).toBeNull();
  });
});
