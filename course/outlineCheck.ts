/**
 * Checks the outline against docs/ and the exercise folders. Kept apart from
 * the exercise validator (and the graders it imports) because sidebars.ts
 * runs the docs part while Docusaurus loads its config.
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {shown, type Outline, type Problem} from './schema';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUTLINE_FILE = path.join(REPO_ROOT, 'course', 'outline.ts');

export interface CoursePaths {
  exercises: string;
  docs: string;
  /** Where the outline lives, for messages. */
  outlineFile: string;
}

export const REPO_PATHS: CoursePaths = {
  exercises: path.join(REPO_ROOT, 'exercises'),
  docs: path.join(REPO_ROOT, 'docs'),
  outlineFile: OUTLINE_FILE,
};

/**
 * Doc ids as Docusaurus derives them: the path under docs/ without the
 * extension, with the last part replaced by a front-matter `id:`; each with
 * its file.
 */
export function docIds(docsDir: string): Map<string, string> {
  const ids = new Map<string, string>();
  const walk = (dir: string, prefix: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) {
        if (!name.startsWith('_')) walk(p, `${prefix}${name}/`);
        continue;
      }
      const m = /^(.*)\.mdx?$/.exec(name);
      if (!m || name.startsWith('_')) continue;
      const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(p, 'utf8'))?.[1] ?? '';
      const id = /^id:\s*['"]?([^'"\n]+?)['"]?\s*$/m.exec(front)?.[1] ?? m[1];
      ids.set(`${prefix}${id}`, p);
    }
  };
  walk(docsDir, '');
  return ids;
}

/** The outline against the docs that exist (no exercise folders needed). */
export function checkOutlineDocs(outline: Outline, paths: CoursePaths): Problem[] {
  const docs = docIds(paths.docs);
  const file = shown(paths.outlineFile);
  const problems: Problem[] = [];
  const need = (doc: string, what: string) => {
    if (!docs.has(doc)) {
      problems.push({
        file,
        problem: `${what} names doc "${doc}", but ${shown(paths.docs)}/ has no page with that id`,
        fix: `write ${shown(path.join(paths.docs, `${doc}.mdx`))} (front matter \`id: ${doc}\`), or correct the doc id in the outline`,
        severity: 'error',
      });
    }
  };
  need(outline.intro, 'intro');
  for (const part of outline.parts) for (const ch of part.chapters) need(ch.doc, `chapter "${ch.id}"`);
  return problems;
}

/**
 * A page's text with the `_`-prefixed partials it imports (`import X from
 * './_part.mdx'`) appended, one level deep: a section kept in a partial shows
 * its exercise on the page that imports it.
 */
function withPartials(file: string): string {
  const page = readFileSync(file, 'utf8');
  const parts = [...page.matchAll(/^import\s+\w+\s+from\s+['"](\.{1,2}\/(?:[^'"]*\/)?_[^'"/]+\.mdx?)['"]/gm)]
    .map((m) => path.resolve(path.dirname(file), m[1] ?? ''))
    .filter((p) => existsSync(p));
  return [page, ...parts.map((p) => readFileSync(p, 'utf8'))].join('\n');
}

/** A listed exercise its chapter's page does not show yet: work left, not a broken site. */
export function checkChapterPages(outline: Outline, paths: CoursePaths): Problem[] {
  const docs = docIds(paths.docs);
  const problems: Problem[] = [];
  for (const ch of outline.parts.flatMap((p) => p.chapters)) {
    const file = docs.get(ch.doc);
    if (!file) continue;
    const page = withPartials(file);
    for (const id of ch.exercises) {
      if (new RegExp(`<Exercise\\s[^>]*id=["']${id}["']`).test(page)) continue;
      problems.push({
        file: shown(file),
        problem: `does not show exercise "${id}", which the outline lists in chapter "${ch.id}"`,
        fix: `put <Exercise id="${id}" /> on the page, after its <Lab />, where the lesson has taught what it needs`,
        severity: 'unfinished',
      });
    }
  }
  return problems;
}

/** Exercise folders against the outline's chapter lists, both ways. */
export function checkOutlineExercises(outline: Outline, folders: string[], paths: CoursePaths): Problem[] {
  const file = shown(paths.outlineFile);
  const chapters = outline.parts.flatMap((p) => p.chapters);
  const listed = new Set(chapters.flatMap((c) => c.exercises));
  const problems: Problem[] = [];
  for (const id of folders) {
    if (listed.has(id)) continue;
    const chapterId = id.split('/')[0] ?? '';
    const chapter = chapters.find((c) => (c.folder ?? c.id) === chapterId);
    problems.push({
      file: shown(path.join(paths.exercises, id)),
      problem: 'this exercise is in no chapter of the course outline, so no page counts it',
      fix: chapter
        ? `add "${id}" to the exercises of chapter "${chapter.id}" in ${file}`
        : `add a chapter { id: "${chapterId}", doc: "<doc id>", title, blurb, exercises: ["${id}"] } to a part in ${file}`,
      severity: 'error',
    });
  }
  const present = new Set(folders);
  for (const ch of chapters) {
    for (const id of ch.exercises) {
      if (present.has(id)) continue;
      problems.push({
        file,
        problem: `chapter "${ch.id}" lists "${id}", but ${shown(path.join(paths.exercises, id))}/ does not exist`,
        fix: `create it with \`npm run new:exercise -- ${id}\`, or remove "${id}" from the outline`,
        severity: 'error',
      });
    }
  }
  return problems;
}
