/**
 * The warm-up script runs by this machine's bash (Debian's tools, as in the VM):
 * it must finish quickly, succeed whatever is missing, and start every tool listed.
 */
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {EVERYDAY_TOOLS, warmEverydayTools, warmScript} from './warmTools';

const bash = (script: string) => spawnSync('bash', ['-c', script], {encoding: 'utf8', timeout: 30_000});

describe('warmScript', () => {
  it('names every tool once, each guarded by command -v', () => {
    const script = warmScript();
    for (const entry of EVERYDAY_TOOLS) expect(script).toContain(`command -v ${entry.split(' ')[0]} `);
    expect(new Set(EVERYDAY_TOOLS.map((e) => e.split(' ')[0])).size).toBe(EVERYDAY_TOOLS.length);
  });

  it('drops the page cache first, unless told not to (the host running this test)', () => {
    expect(warmScript().split('\n')[0]).toContain('echo 3 >/proc/sys/vm/drop_caches');
    expect(warmScript(EVERYDAY_TOOLS, false)).not.toContain('drop_caches');
  });

  it('runs to the end with exit 0 and prints nothing, even with tools missing', () => {
    const r = bash(warmScript([...EVERYDAY_TOOLS, 'no-such-tool-here', 'false'], false));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('starts the tools it lists (traced here with a shim first on PATH)', () => {
    const r =
      bash(`d=$(mktemp -d); for t in warm-a warm-b; do printf '#!/bin/sh\\necho "\${0##*/} $*" >> %s/log\\n' "$d" > "$d/$t"; chmod +x "$d/$t"; done
PATH="$d:$PATH"; ${warmScript(['warm-a', 'warm-b -V'], false)}
cat "$d/log"; rm -rf "$d"`);
    expect(r.stdout).toBe('warm-a --version\nwarm-b -V\n');
  });

  it('reports a failed run with its stderr', async () => {
    const vm = {
      exec: () => Promise.resolve({exitCode: 7, stdout: '', stderr: 'agent gone', stdoutBytes: new Uint8Array()}),
    };
    await expect(warmEverydayTools(vm)).rejects.toThrow('agent gone');
  });
});
