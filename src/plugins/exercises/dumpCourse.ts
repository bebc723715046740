/**
 * Prints the checked course as JSON: the outline, what the site needs of each
 * exercise definition, and every problem course/check.ts found. The exercises
 * plugin runs this in a child `tsx` process because Docusaurus loads plugins
 * through jiti, whose default-export interop breaks the exercises' named ESM
 * imports.
 */
import outline from '../../../course/outline';
import {checkCourse} from '../../../course/check';
import type {CourseDump} from './load';

const report = await checkCourse(outline);
const out: CourseDump = {
  outline: report.outline ?? null,
  problems: report.problems,
  exercises: report.exercises.map((ex) => ({
    id: ex.id,
    title: ex.title,
    setup: ex.setup,
    libs: ex.libs,
    solution: ex.solution,
    hints: ex.hints,
    checks: ex.checks.map((c) => ({title: c.title, hints: c.hints})),
    seeded: ex.params !== undefined,
  })),
};
process.stdout.write(JSON.stringify(out));
