/**
 * The file protocol's scripts run by this machine's bash (the same coreutils
 * as the VM's Debian), so quoting, framing and the atomic save are tested
 * without a VM. files.vm.test.ts repeats the important cases in the real VM,
 * with the failures only it can produce (a full tmpfs, a read-only mount).
 */
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {
  checkPath,
  decodeText,
  FileError,
  makeVmDir,
  MAX_FILE_BYTES,
  readVmFile,
  toBase64,
  warmFileTools,
  writeVmFile,
} from './files';
import {shellQuote, writeScript} from './fileScripts';
import type {ExecVm} from './types';

/** Runs a script as the VM's agent would: bash, C locale, raw stdout. */
const local: ExecVm = {
  exec: (script) => {
    const r = spawnSync('bash', ['-c', script], {env: {...process.env, LC_ALL: 'C'}, maxBuffer: 8 << 20});
    return Promise.resolve({
      stdout: r.stdout.toString(),
      stderr: r.stderr.toString(),
      exitCode: r.status ?? 1,
      stdoutBytes: new Uint8Array(r.stdout),
    });
  },
};

const dir = mkdtempSync(join(tmpdir(), 'netlab-files-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

async function fails(work: Promise<unknown>): Promise<FileError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FileError);
  return err as FileError;
}

const NASTY = `#!/bin/sh\necho "it's $(whoami) \`id\` \\\\ \\n $HOME" '"'\nprintf '%s\\n' ä€😀 'EOF'\r\nno newline at the end`;

describe('pieces', () => {
  it('accepts absolute paths only, without line breaks', () => {
    expect(checkPath(' /etc/hosts ')).toBe('/etc/hosts');
    expect(checkPath('/etc/')).toBe('/etc');
    expect(() => checkPath('etc/hosts')).toThrow(/absolute/);
    expect(() => checkPath('/tmp/a\nb')).toThrow(/line break/);
  });

  it('calls NUL bytes and invalid UTF-8 binary, and keeps a byte-order mark', () => {
    expect(decodeText(new Uint8Array([104, 0, 105]))).toBeNull();
    expect(decodeText(new Uint8Array([0xc3, 0x28]))).toBeNull();
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('\ufeffa');
  });

  it('base64-encodes large inputs like Node does', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) & 255);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('quotes any string into one bash word', () => {
    for (const s of [`it's`, `a'b'c`, `$(id) \`x\` \\ "q"`, '', `''`]) {
      expect(spawnSync('bash', ['-c', `printf %s ${shellQuote(s)}`]).stdout.toString()).toBe(s);
    }
  });

  it('never splices anything but base64 into the write script', () => {
    expect(() => writeScript('/tmp/x', `'; rm -rf /`, '-')).toThrow(/base64/);
  });
});

describe('reading and writing', () => {
  it('round-trips quotes, backslashes, $(...), CRLF, UTF-8 and a missing final newline', async () => {
    const path = join(dir, `we'ird $(name) "x".conf`);
    writeFileSync(path, 'old\n');
    const opened = await readVmFile(local, path);
    expect(opened).toMatchObject({text: 'old\n', isNew: false, readOnly: null});
    await writeVmFile(local, path, NASTY, {expectVersion: opened.version});
    expect(readFileSync(path, 'utf8')).toBe(NASTY);
    expect((await readVmFile(local, path)).text).toBe(NASTY);
  });

  it('opens a missing file in an existing directory as new, and creates it 0644 on save', async () => {
    const path = join(dir, 'new.ini');
    const opened = await readVmFile(local, path);
    expect(opened).toMatchObject({isNew: true, text: '', version: ''});
    await writeVmFile(local, path, '[a]\nb=1\n', {expectVersion: ''});
    expect(readFileSync(path, 'utf8')).toBe('[a]\nb=1\n');
    expect(statSync(path).mode & 0o777).toBe(0o644);
  });

  it('names a missing directory, a directory and a binary file', async () => {
    const missing = await fails(readVmFile(local, join(dir, 'nope/deeper/x.conf')));
    expect(missing).toMatchObject({code: 'no-dir', dir: join(dir, 'nope/deeper')});
    await makeVmDir(local, join(dir, 'made/deeper'));
    expect((await readVmFile(local, join(dir, 'made/deeper/x.conf'))).isNew).toBe(true);
    expect((await fails(writeVmFile(local, join(dir, 'nope/x.conf'), 'x'))).message).toMatch(/nope does not exist/);
    expect((await fails(readVmFile(local, dir))).code).toBe('is-dir');
    writeFileSync(join(dir, 'blob'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]));
    expect((await fails(readVmFile(local, join(dir, 'blob')))).message).toMatch(/binary file/);
  });

  it('refuses a file over 1 MB before sending it', async () => {
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(MAX_FILE_BYTES + 1));
    let sent = 0;
    const counting: ExecVm = {
      exec: async (s, o) => {
        const r = await local.exec(s, o);
        sent += r.stdoutBytes.length;
        return r;
      },
    };
    expect((await fails(readVmFile(counting, join(dir, 'big.txt')))).code).toBe('too-big');
    expect(sent).toBeLessThan(1000);
  });

  it('keeps the mode of an executable script and writes through a symlink', async () => {
    const script = join(dir, 'run.sh');
    writeFileSync(script, 'echo 1\n');
    chmodSync(script, 0o751);
    const link = join(dir, 'link.sh');
    symlinkSync(script, link);
    const opened = await readVmFile(local, link);
    expect(opened.realPath).toBe(script);
    await writeVmFile(local, link, 'echo 2\n', {expectVersion: opened.version});
    expect(statSync(link, {throwIfNoEntry: true}).isFile()).toBe(true);
    expect(readFileSync(link, 'utf8')).toBe('echo 2\n');
    expect(statSync(script).mode & 0o777).toBe(0o751);
    expect(spawnSync('test', ['-L', link]).status).toBe(0);
  });

  it('refuses to overwrite a file changed since it was opened, unless asked to', async () => {
    const path = join(dir, 'race.conf');
    writeFileSync(path, 'one\n');
    const opened = await readVmFile(local, path);
    writeFileSync(path, 'changed in the terminal, longer\n');
    expect((await fails(writeVmFile(local, path, 'two\n', {expectVersion: opened.version}))).code).toBe('changed');
    expect(readFileSync(path, 'utf8')).toBe('changed in the terminal, longer\n');
    await writeVmFile(local, path, 'two\n');
    expect(readFileSync(path, 'utf8')).toBe('two\n');
  });

  it('leaves the original and no temp file behind when the write fails', async () => {
    const path = join(dir, 'keep.conf');
    writeFileSync(path, 'precious\n');
    // Invalid base64 makes `base64 -d` fail halfway, as a full disk would.
    const script = writeScript(path, 'cHJlY2lvdXM=A', '-');
    const r = await local.exec(script);
    expect(r.stdout).toMatch(/^ERR write/);
    expect(readFileSync(path, 'utf8')).toBe('precious\n');
    expect(readdirSync(dir).filter((f) => f.includes('netlab-'))).toEqual([]);
  });

  it('shows a /proc/sys setting read-only and refuses to save it', async () => {
    const path = '/proc/sys/net/ipv4/ip_forward';
    const opened = await readVmFile(local, path);
    expect(opened.text).toMatch(/^[01]\n$/);
    expect(opened.readOnly).toMatch(/kernel interface.*sysctl/);
    expect((await fails(writeVmFile(local, path, '1\n'))).code).toBe('virtual');
  });

  it('runs every script once for the offline cache and leaves nothing behind', async () => {
    const scripts: string[] = [];
    await warmFileTools({exec: (script, o) => (scripts.push(script), local.exec(script, o))});
    const scratch = /mkdir -p -- '([^']+)'/.exec(scripts[0])?.[1] ?? '';
    expect(scratch).toMatch(/^\/tmp\/\.netlab-files-\d+$/);
    expect(() => statSync(scratch)).toThrow();
    // The tools a read and a save start, which the image's offline set lacks.
    for (const tool of ['/usr/bin/stat', 'readlink -f', 'head -c', 'mv -f', 'chmod', 'chown 0:0', 'sync --']) {
      expect(scripts[0]).toContain(tool);
    }
  });
});
