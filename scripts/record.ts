/**
 * npm run record -- <exercise-id> [case-name...]
 * Re-records the exercise's snapshots in one headless VM: start, solution,
 * each near-miss and each alternative, restoring the VM between cases.
 * Reports (but still writes) cases whose verdict is not the expected one.
 * Each snapshot keeps the hashes of its inputs (graders/provenance.ts), so
 * the replay knows it is current until the exercise, the shared reset, the
 * collector or the VM image changes.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname, relative} from 'node:path';
import {getExercise} from '../exercises/index';
import {exerciseCases, mismatch, REPO_ROOT, runCase, snapshotPath} from '../graders/node';
import {caseInputs, collectorInputs, imageInputs} from '../graders/provenance';
import type {Snapshot} from '../graders/snapshot';
import {createNodeVm} from '../src/vm/node';

const [id, ...only] = process.argv.slice(2);
if (!id) {
  console.error('usage: npm run record -- <exercise-id> [case-name...]');
  process.exit(2);
}
const ex = getExercise(id);
if (!ex) {
  console.error(
    `unknown exercise "${id}": there is no exercises/${id}/exercise.ts (\`npm run new:exercise -- ${id}\` creates one)`,
  );
  process.exit(2);
}

const image = imageInputs();
if (!image) {
  console.error('no VM image (images/out/manifest.json is missing): build it with `npm run image:ensure`');
  process.exit(2);
}
const collector = collectorInputs();
const vm = createNodeVm();
let problems = 0;
try {
  await vm.start();
  for (const c of exerciseCases(ex)) {
    if (only.length && !only.includes(c.name)) continue;
    const t0 = performance.now();
    // The emulated VM sometimes stalls on an exec right after a restore; a
    // recording is worth a second try, a wrong recording is not possible.
    let r: Awaited<ReturnType<typeof runCase>> | undefined;
    for (let attempt = 1; !r; attempt++) {
      try {
        r = await runCase(vm, ex, c);
        if (!r.sections && attempt < 3) throw new Error(r.result.error ?? 'collection failed');
      } catch (e) {
        if (attempt >= 3) throw e;
        console.error(`${c.name}: attempt ${attempt} failed (${(e as Error).message.split('\n')[0]}); retrying`);
      }
    }
    if (!r.sections) {
      console.error(`${c.name}: could not collect: ${r.result.error}`);
      problems++;
      continue;
    }
    const snap: Snapshot = {
      format: 'netlab-snapshot',
      version: 1,
      exercise: ex.id,
      case: c.name,
      recordedAt: new Date().toISOString(),
      // What this recording depends on; the replay re-runs it live once any of these change.
      inputs: caseInputs(ex, c, image, collector),
      ...(c.seed === undefined ? {} : {seed: c.seed}),
      sections: r.sections,
    };
    const file = snapshotPath(ex, c.name);
    mkdirSync(dirname(file), {recursive: true});
    writeFileSync(file, `${JSON.stringify(snap, null, 1)}\n`);
    const bad = r.scriptError ?? mismatch(c, r.result);
    if (bad) problems++;
    const ms = Math.round(performance.now() - t0);
    console.log(
      `${bad ? 'MISMATCH' : 'ok'}  ${c.name}  ${r.result.verdict}  ${ms} ms  -> ${relative(REPO_ROOT, file)}${bad ? `\n    ${bad}` : ''}`,
    );
  }
} finally {
  await vm.stop();
}
process.exit(problems ? 1 : 0);
