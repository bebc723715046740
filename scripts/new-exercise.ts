/**
 * npm run new:exercise -- <chapter>/<slug>
 * Creates exercises/<chapter>/<slug>/ from a small working example, lists it
 * in its chapter in course/outline.ts (or prints what to add), and points to
 * `npm run check:exercises`, which says what is still missing.
 * Exit 0 created, 2 refused (bad or existing id).
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import outline from '../course/outline';
import {ID_PATTERN} from '../course/discover';
import {OUTLINE_FILE, REPO_ROOT} from '../course/outlineCheck';
import {addToOutline, chapterEntry, scaffoldFiles} from '../course/scaffold';

function refuse(message: string): never {
  console.error(
    `new:exercise: ${message}\nusage: npm run new:exercise -- <chapter>/<slug>   (lower-case words joined by dashes)`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.length !== 1) refuse(args.length ? 'give exactly one exercise id' : 'missing the exercise id');
const id = args[0] ?? '';
if (!ID_PATTERN.test(id)) refuse(`"${id}" is not an exercise id: it must look like bridges/two-namespaces`);
const dir = path.join(REPO_ROOT, 'exercises', ...id.split('/'));
const rel = (p: string) => path.relative(process.cwd(), p);
if (existsSync(dir)) refuse(`exercises/${id}/ already exists; pick another slug, or edit that folder`);

/** Written in the repo's Prettier style, so `npm run format:check` passes on a fresh scaffold. */
async function writeFormatted(file: string, text: string): Promise<void> {
  const info = await prettier.getFileInfo(file, {ignorePath: path.join(REPO_ROOT, '.prettierignore')});
  const options = await prettier.resolveConfig(file);
  const out = info.ignored || !info.inferredParser ? text : await prettier.format(text, {...options, filepath: file});
  writeFileSync(file, out);
}

for (const [name, text] of Object.entries(scaffoldFiles(id))) {
  mkdirSync(path.dirname(path.join(dir, name)), {recursive: true});
  await writeFormatted(path.join(dir, name), text);
}
console.log(
  `created ${rel(dir)}/: exercise.ts, task.mdx, setup.sh, solution.sh, near-misses/bridge-down.sh, alternatives/`,
);

const [chapter = ''] = id.split('/');
const known = outline.parts.flatMap((p) => p.chapters).find((c) => c.id === chapter);
const updated = known ? addToOutline(readFileSync(OUTLINE_FILE, 'utf8'), id) : null;
if (updated) {
  await writeFormatted(OUTLINE_FILE, updated);
  console.log(`listed "${id}" last in chapter "${chapter}" of ${rel(OUTLINE_FILE)} (move the line to reorder)`);
} else if (known) {
  console.log(`\nadd this line to the exercises of chapter "${chapter}" in ${rel(OUTLINE_FILE)}:\n  '${id}',`);
} else {
  console.log(
    `\nchapter "${chapter}" is not in the outline yet. Write docs/${chapter}.mdx, then add this to a part in ${rel(OUTLINE_FILE)}:`,
  );
  console.log(chapterEntry(id).replace(/^/gm, '  '));
}
console.log(`
next:
  1. replace the example in ${rel(dir)}/ with your exercise (graders/README.md documents checks and probes);
  2. put <Exercise id="${id}" /> on the chapter's page (it has a <Lab />);
  3. run \`npm run check:exercises\`: it lists, in order, what is still missing (near-misses, alternatives, recordings).`);
