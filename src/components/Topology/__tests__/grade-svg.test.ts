/** `npm run grade -- <id> --snapshot F --svg out.svg` draws the recorded case and still grades it. */
import {execFile} from 'node:child_process';
import {mkdtemp, readFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {REPO_ROOT} from '../../../../graders/node';

const run = promisify(execFile);

describe('grade --svg', () => {
  it('writes the drawing of a recorded case next to its verdict', async () => {
    const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'topology-')), 'case.svg');
    const snapshot = 'exercises/bridges/two-namespaces/snapshots/near-miss--inner-end-down.json';
    // A failed verdict exits 1, which execFile reports as an error carrying the output.
    const res = await run(
      'npx',
      ['tsx', 'scripts/grade.ts', 'bridges/two-namespaces', '--snapshot', snapshot, '--svg', out],
      {
        cwd: REPO_ROOT,
      },
    ).catch((e: {stdout: string; stderr: string; code: number}) => e);
    expect(JSON.parse(res.stdout).verdict).toBe('failed');
    expect(res.stderr).toContain(`wrote the topology to ${out}`);
    const svg = await readFile(out, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const name of ['netns red', 'netns blue', 'br0', '10.0.0.1/24', 'veth · DOWN']) expect(svg).toContain(name);
    expect(svg).toContain(
      'bridges/two-namespaces: exercises/bridges/two-namespaces/snapshots/near-miss--inner-end-down.json (failed)',
    );
  });
});
