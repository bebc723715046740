import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {errorMessage, loadExercises, taskTitle, type RegistryEntry} from '../load';

let root: string;

const entry = (id: string): RegistryEntry => ({
  key: id,
  id,
  title: 'Two namespaces',
  setup: 'setup.sh',
  solution: 'solution.sh',
  hints: ['general'],
  checks: [{title: 'a check', hints: ['nudge', 'answer']}],
});

async function folder(id: string, files: Record<string, string>): Promise<void> {
  const dir = path.join(root, ...id.split('/'));
  await mkdir(dir, {recursive: true});
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
}

const COMPLETE = {'task.mdx': '# Two namespaces\n\nDo it.', 'setup.sh': '', 'solution.sh': 'ip netns add red\n', 'exercise.ts': ''};

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

  it('refuses to build without the shared reset', async () => {
    await folder('bridges/two', COMPLETE);
    await rm(path.join(root, '_lib'), {recursive: true});
    await expect(loadExercises(root, [entry('bridges/two')])).rejects.toThrow(/_lib\/reset\.sh[\s\S]*shared reset script is missing/);
  });

  it('names the missing file and how to fix it', async () => {
    const {['solution.sh']: _, ...rest} = COMPLETE;
    await folder('bridges/two', rest);
    await expect(loadExercises(root, [entry('bridges/two')])).rejects.toThrow(/bridges\/two\/solution\.sh[\s\S]*missing[\s\S]*fix: create solution\.sh/);
  });

  it('rejects a task without a title and an empty solution', async () => {
    await folder('bridges/two', {...COMPLETE, 'task.mdx': 'no heading here'});
    await expect(loadExercises(root, [entry('bridges/two')])).rejects.toThrow(/task\.mdx[\s\S]*no title/);
    await folder('bridges/two', {...COMPLETE, 'solution.sh': '  \n'});
    await expect(loadExercises(root, [entry('bridges/two')])).rejects.toThrow(/solution\.sh[\s\S]*empty/);
  });

  it('rejects folders and registry entries that do not match', async () => {
    await folder('bridges/two', COMPLETE);
    await expect(loadExercises(root, [])).rejects.toThrow(/not in the registry[\s\S]*exercises\/index\.ts/);
    await expect(loadExercises(root, [entry('bridges/two'), entry('nat/gone')])).rejects.toThrow(/nat\/gone[\s\S]*no folder/);
  });

  it('finds the title in the first level-one heading', () => {
    expect(taskTitle('intro\n# The title #\n## Sub')).toBe('The title');
    expect(taskTitle('## Only a sub')).toBeNull();
  });
});

describe('registry load errors', () => {
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
