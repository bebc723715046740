import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {errorMessage, loadExercises, problemReport, type RegistryEntry} from '../load';

let root: string;

const entry = (id: string): RegistryEntry => ({
  id,
  title: 'Two namespaces',
  setup: 'setup.sh',
  libs: [],
  solution: 'solution.sh',
  hints: ['general'],
  checks: [{title: 'a check', hints: ['nudge', 'answer']}],
});

async function folder(id: string, files: Record<string, string>): Promise<void> {
  const dir = path.join(root, ...id.split('/'));
  await mkdir(dir, {recursive: true});
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
}

const COMPLETE = {
  'task.mdx': '# Two namespaces\n\nDo it.',
  'setup.sh': '',
  'solution.sh': 'ip netns add red\n',
  'exercise.ts': '',
};

const RESET = '# shared reset\nip -all netns delete\n';

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'netlab-ex-'));
  await mkdir(path.join(root, '_lib'));
  await writeFile(path.join(root, '_lib', 'reset.sh'), RESET);
});
afterEach(async () => {
  await rm(root, {recursive: true, force: true});
});

describe('exercise loading', () => {
  it('loads a complete exercise with its scripts and hints in order', async () => {
    await folder('bridges/two', COMPLETE);
    const [ex] = await loadExercises(root, [entry('bridges/two')]);
    expect(ex?.summary).toEqual({id: 'bridges/two', chapter: 'bridges', title: 'Two namespaces'});
    expect(ex?.scripts.solution).toBe('ip netns add red\n');
    expect(ex?.scripts.hints.map((h) => h.text)).toEqual(['general', 'nudge', 'answer']);
    expect(ex?.scripts.hints[1]?.check).toBe('a check');
  });

  it('starts every setup with the shared reset, then the exercise setup', async () => {
    await folder('bridges/two', {...COMPLETE, 'setup.sh': 'ip netns add red\n'});
    const [ex] = await loadExercises(root, [entry('bridges/two')]);
    const setup = ex?.scripts.setup ?? '';
    expect(setup.startsWith(RESET.trimEnd())).toBe(true);
    expect(setup.endsWith('ip netns add red\n')).toBe(true);
  });

  it('runs the shared builders an exercise names between the reset and its setup', async () => {
    await writeFile(path.join(root, '_lib', 'k8s.sh'), 'k8s_node() { ip netns add "$1"; }\n');
    await folder('kubernetes/two', {...COMPLETE, 'setup.sh': 'k8s_node node1\n'});
    const [ex] = await loadExercises(root, [{...entry('kubernetes/two'), libs: ['k8s']}]);
    const setup = ex?.scripts.setup ?? '';
    const at = (text: string) => setup.indexOf(text);
    expect(at('ip -all netns delete')).toBeGreaterThanOrEqual(0);
    expect(at('ip -all netns delete')).toBeLessThan(at('k8s_node() {'));
    expect(at('k8s_node() {')).toBeLessThan(at('k8s_node node1'));
    expect(setup).toContain('# ---- _lib/k8s.sh ----');
  });

  it('keeps the lesson order it is given', async () => {
    await folder('bridges/two', COMPLETE);
    await folder('bridges/one', COMPLETE);
    const loaded = await loadExercises(root, [entry('bridges/two'), entry('bridges/one')]);
    expect(loaded.map((e) => e.summary.id)).toEqual(['bridges/two', 'bridges/one']);
    expect(loaded[0]?.taskPath).toBe(path.join(root, 'bridges', 'two', 'task.mdx'));
  });
});

describe('problem report', () => {
  it('gives each problem its file, what is wrong and the fix', () => {
    const text = problemReport([
      {file: 'exercises/a/b/task.mdx', problem: 'missing', fix: 'create it', severity: 'error'},
    ]);
    expect(text).toBe('  exercises/a/b/task.mdx\n    problem: missing\n    fix: create it');
  });
});

describe('course check crash reports', () => {
  it('keep the thrown message and drop the source excerpt and stack', () => {
    const stderr = [
      '/work/main/graders/exercise.ts:73',
      '      throw new Error(',
      '            ^',
      '',
      'Error: exercises/bridges/two/exercise.ts is invalid:',
      '  checks.0.hints: Invalid input: expected array, received undefined',
      '    at defineExercise (/work/main/graders/exercise.ts:73:11)',
    ].join('\n');
    expect(errorMessage(stderr)).toBe(
      'Error: exercises/bridges/two/exercise.ts is invalid:\n  checks.0.hints: Invalid input: expected array, received undefined',
    );
  });
});
