/**
 * npm run check:exercises: validates every exercise folder without a VM.
 * Each problem names the file and says what to do about it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import type { exercises as Registry } from "../exercises/index";
import { ExerciseSchema, type Exercise } from "../graders/exercise";
import { EXERCISES_DIR, exerciseCases, exerciseDir, mismatch, REPO_ROOT, snapshotPath } from "../graders/node";
import { collectorInputs, imageInputs } from "../graders/provenance";
import { planExercise } from "../graders/replay";
import { gradeSnapshotText } from "../graders/snapshot";

// A definition that fails its schema throws while the registry is imported;
// report that as a problem with the file to fix, not as a stack trace.
let exercises: typeof Registry;
try {
  ({ exercises } = await import("../exercises/index"));
} catch (e) {
  console.error(`check:exercises: ${(e as Error).message}`);
  process.exit(1);
}

const problems: string[] = [];
const rel = (p: string) => relative(REPO_ROOT, p);
const problem = (file: string, what: string, fix: string) => problems.push(`${rel(file)}: ${what}\n    fix: ${fix}`);
const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

// Folders on disk versus the registry.
const folders: string[] = [];
for (const chapter of readdirSync(EXERCISES_DIR).sort()) {
  if (!isDir(join(EXERCISES_DIR, chapter))) continue;
  for (const slug of readdirSync(join(EXERCISES_DIR, chapter)).sort()) {
    if (isDir(join(EXERCISES_DIR, chapter, slug))) folders.push(`${chapter}/${slug}`);
  }
}
const registry = join(EXERCISES_DIR, "index.ts");
for (const id of folders) {
  if (!exercises[id]) {
    problem(join(EXERCISES_DIR, id), `exercise folder "${id}" is not registered`,
      `import its exercise.ts in exercises/index.ts and add it to the \`exercises\` map`);
  }
}
for (const [key, ex] of Object.entries(exercises)) {
  if (key !== ex.id) problem(registry, `registry key "${key}" differs from the definition's id "${ex.id}"`, "use [def.id]: def");
  if (!folders.includes(ex.id)) problem(registry, `"${ex.id}" is registered but exercises/${ex.id}/ does not exist`, "create the folder or remove the entry");
}

function checkFolder(ex: Exercise): void {
  const dir = exerciseDir(ex.id);
  const f = (name: string) => join(dir, name);
  const revalidated = ExerciseSchema.safeParse(ex);
  if (!revalidated.success) {
    problem(f("exercise.ts"), revalidated.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "), "fix the definition");
  }
  for (const name of ["task.mdx", "exercise.ts", ex.setup, ex.solution]) {
    if (!existsSync(f(name))) problem(f(name), "file is missing", `create ${name} in ${rel(dir)}`);
  }
  if (existsSync(f("task.mdx"))) {
    const task = readFileSync(f("task.mdx"), "utf8");
    if (!/^#\s+\S/m.test(task)) problem(f("task.mdx"), "has no `# Title` heading", "start the task with a level-1 heading");
    if (/^(import|export)\s/m.test(task)) problem(f("task.mdx"), "uses import/export", "keep task.mdx plain MDX without imports");
  }
  if (existsSync(f(ex.solution))) {
    const lines = readFileSync(f(ex.solution), "utf8").split("\n");
    lines.forEach((line, i) => {
      if (/<<-?\s*['"]?\w/.test(line)) problem(f(ex.solution), `line ${i + 1} uses a heredoc`, "learners type the solution line by line; use one command per line");
      if (/\\\s*$/.test(line)) problem(f(ex.solution), `line ${i + 1} continues onto the next line`, "put each command on one line");
    });
  }
  for (const c of ex.checks) {
    if (c.hints.length === 0) problem(f("exercise.ts"), `check "${c.id}" has no hint`, "add at least one hint to it");
  }
  const cases = exerciseCases(ex);
  const nearMisses = cases.filter((c) => c.name.startsWith("near-miss/"));
  if (nearMisses.length < 2) problem(f("near-misses"), `has ${nearMisses.length} near-miss script(s)`, "add at least 2 plausible wrong answers");
  if (!cases.some((c) => c.name.startsWith("alternative/"))) {
    problem(f("alternatives"), "has no alternative solution", "add at least one different valid solution");
  }
  const checkIds = new Set(ex.checks.map((c) => c.id));
  for (const c of nearMisses) {
    const path = c.scriptPath ?? "";
    if (c.expect.verdict !== "failed" || !c.expect.check) {
      problem(path, "has no `# expect-fail: <check-id>` line", "add one naming the check this mistake must fail");
    } else if (!checkIds.has(c.expect.check)) {
      problem(path, `expects check "${c.expect.check}", which the exercise does not define`, `use one of: ${[...checkIds].join(", ")}`);
    }
  }
  const expected = new Set<string>();
  for (const c of cases) {
    const snap = snapshotPath(ex, c.name);
    expected.add(basename(snap));
    if (!existsSync(snap)) {
      problem(snap, `snapshot for case "${c.name}" is missing`, `run \`npm run record -- ${ex.id}\` (needs the VM image)`);
      continue;
    }
    const r = gradeSnapshotText(ex, readFileSync(snap, "utf8"));
    const bad = mismatch(c, r);
    if (bad) problem(snap, `case "${c.name}": ${bad}`, `fix the checks or the script, then re-record with \`npm run record -- ${ex.id} ${c.name}\``);
  }
  const snapDir = f("snapshots");
  for (const file of isDir(snapDir) ? readdirSync(snapDir) : []) {
    if (!expected.has(file)) problem(join(snapDir, file), "belongs to no case (script renamed or removed?)", "delete it or restore its script");
  }
}

for (const ex of Object.values(exercises)) checkFolder(ex);

// Stale recordings are not errors (the replay runs them live), but they cost
// CI time, so say which exercises to re-record. Unknowable without an image.
const image = imageInputs();
if (image) {
  const collector = collectorInputs();
  for (const ex of Object.values(exercises)) {
    const stale = planExercise(ex, "changed", image, collector).filter((p) => p.stale.length);
    if (stale.length) {
      const reasons = [...new Set(stale.flatMap((p) => p.stale))].join("; ");
      console.warn(`note: ${ex.id}: ${stale.length} stale recording(s) (${reasons}); \`npm run record -- ${ex.id}\` refreshes them`);
    }
  }
}

if (problems.length) {
  console.error(`${problems.length} problem(s) in exercises:\n\n${problems.join("\n\n")}`);
  process.exit(1);
}
console.log(`${Object.keys(exercises).length} exercises OK: ${Object.keys(exercises).join(", ")}`);
