/**
 * npm run check:exercises: checks the course outline and every exercise
 * folder without a VM (course/check.ts, the same check the site build runs)
 * and lists, per exercise, what is still wrong or missing, in the order to
 * fix it, each with the file and the fix.
 */
import outline from '../course/outline';
import {checkCourse} from '../course/check';
import type {Problem} from '../course/schema';
import {collectorInputs, imageInputs} from '../graders/provenance';
import {planExercise} from '../graders/replay';

const report = await checkCourse(outline);

// Stale recordings are not errors (the replay runs them live), but they cost
// CI time, so say which exercises to re-record. Unknowable without an image.
const image = imageInputs();
if (image) {
  const collector = collectorInputs();
  for (const ex of report.exercises) {
    const stale = planExercise(ex, 'changed', image, collector).filter((p) => p.stale.length);
    if (stale.length) {
      const reasons = [...new Set(stale.flatMap((p) => p.stale))].join('; ');
      console.warn(
        `note: ${ex.id}: ${stale.length} stale recording(s) (${reasons}); \`npm run record -- ${ex.id}\` refreshes them`,
      );
    }
  }
}

const ids = report.exercises.map((e) => e.id);
if (report.problems.length === 0) {
  console.log(`${ids.length} exercises OK: ${ids.join(', ')}`);
  process.exit(0);
}

/** The exercise a problem belongs to, from its file; "" for the course itself. */
const owner = (p: Problem) => /(?:^|\/)exercises\/([a-z0-9][^/]*\/[^/]+)/.exec(p.file)?.[1] ?? '';
const groups = new Map<string, Problem[]>();
for (const p of report.problems) groups.set(owner(p), [...(groups.get(owner(p)) ?? []), p]);

const out: string[] = [];
for (const [id, problems] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const what = errors ? `${errors} error(s) that break the site build` : 'unfinished';
  out.push(`${id || 'course outline'}: ${problems.length} step(s) left (${what})`);
  problems.forEach((p, i) => out.push(`  ${i + 1}. ${p.file}: ${p.problem}\n     fix: ${p.fix}`));
  out.push('');
}
console.error(`${report.problems.length} problem(s) in the course:\n\n${out.join('\n')}`);
process.exit(1);
