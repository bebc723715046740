/**
 * Restores the state just saved, runs warmup.sh and offline-set.sh in it, and
 * writes images/out/offline.json: every root content file the guest fetched.
 * A browser that has run a lab caches those (static/sw.js), so the lab starts
 * again, and the pilot chapters' commands and Checks work, with no network.
 * A restored VM fetches only what it opens anew, so the list is traced rather
 * than guessed.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {VM_FILES} from '../src/vm/config';
import {createNodeVm, imageDir} from '../src/vm/node';

const fetched = new Map<string, number>();
const vm = createNodeVm({onRootFetch: (name, bytes) => fetched.set(name, bytes)});
await vm.start();
for (const script of ['warmup.sh', 'offline-set.sh']) {
  const r = await vm.exec(readFileSync(new URL(`./${script}`, import.meta.url), 'utf8'), {timeoutMs: 180_000});
  if (r.exitCode !== 0) throw new Error(`${script} failed in the restored VM (${r.exitCode}): ${r.stderr}`);
}
await vm.stop();
const files = [...fetched.keys()].sort();
const bytes = [...fetched.values()].reduce((a, b) => a + b, 0);
writeFileSync(join(imageDir(), VM_FILES.offline), JSON.stringify({bytes, files}) + '\n');
console.error(`[image] offline set: ${files.length} root files, ${(bytes / 1e6).toFixed(1)} MB compressed`);
process.exit(0);
