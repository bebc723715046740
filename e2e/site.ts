/**
 * Builds the static site when the build is missing or older than its sources,
 * so the e2e test and the bench always exercise what is in the tree.
 */
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdir, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_DIR = path.join(REPO, 'build');

const SOURCES = [
  'docs',
  'src',
  'exercises',
  'graders',
  'static',
  'docusaurus.config.ts',
  'sidebars.ts',
  'package.json',
];
const SKIP = new Set(['node_modules', '__tests__', 'snapshots']);

async function newest(p: string): Promise<number> {
  const s = await stat(p).catch(() => null);
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  let latest = s.mtimeMs;
  for (const entry of await readdir(p)) {
    if (!SKIP.has(entry)) latest = Math.max(latest, await newest(path.join(p, entry)));
  }
  return latest;
}

export async function buildIsFresh(): Promise<boolean> {
  const built = (await stat(path.join(BUILD_DIR, 'index.html')).catch(() => null))?.mtimeMs ?? 0;
  if (built === 0) return false;
  for (const src of SOURCES) {
    if ((await newest(path.join(REPO, src))) > built) return false;
  }
  return true;
}

// Outside the repo so it never shows up in git status; one per checkout.
const LOCK = path.join(os.tmpdir(), `netlab-build-${createHash('sha1').update(REPO).digest('hex').slice(0, 12)}.lock`);

/**
 * Test files run in parallel; only one may build at a time, the others wait
 * and then find a fresh build. A lock left by a dead process is taken over.
 */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await mkdir(LOCK);
      await writeFile(path.join(LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      const pid = Number(await readFile(path.join(LOCK, 'pid'), 'utf8').catch(() => '0'));
      if (pid > 0 && !alive(pid)) await rm(LOCK, {recursive: true, force: true});
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await work();
  } finally {
    await rm(LOCK, {recursive: true, force: true});
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function build(): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(path.join(REPO, 'node_modules/.bin/docusaurus'), ['build', '--out-dir', BUILD_DIR], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`docusaurus build failed (${code}):\n${output.slice(-4000)}`)),
    );
  });
}

export async function ensureBuild(log: (line: string) => void = () => undefined): Promise<string> {
  if (process.env.NETLAB_REUSE_BUILD === '1') return BUILD_DIR;
  await withBuildLock(async () => {
    if (await buildIsFresh()) return;
    log('building the site (docusaurus build)…');
    await build();
  });
  return BUILD_DIR;
}
