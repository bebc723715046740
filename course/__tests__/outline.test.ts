import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import outline from '../outline';
import {checkCourse} from '../check';
import {checkChapterPages, checkOutlineDocs, checkOutlineExercises, docIds, type CoursePaths} from '../outlineCheck';
import {outlineProblems, type OutlineInput} from '../schema';
import {courseSidebar, sidebarItems} from '../sidebar';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const PATHS: CoursePaths = {
  exercises: path.join(FIXTURES, 'exercises'),
  docs: path.join(FIXTURES, 'docs'),
  outlineFile: path.join(FIXTURES, 'outline.ts'),
};

const chapter = (id: string, exercises: string[], doc = id) => ({
  id,
  doc,
  title: `Chapter ${id}`,
  blurb: 'A sentence about it.',
  exercises,
});
const course = (...chapters: ReturnType<typeof chapter>[]): OutlineInput => ({
  intro: 'intro',
  parts: [
    {id: 'one', title: 'Part one', chapters},
    {id: 'later', title: 'Planned part', chapters: []},
  ],
});
const valid = (input: OutlineInput) => {
  const {outline: o, problems} = outlineProblems(input, 'outline.ts');
  if (!o) throw new Error(problems.map((p) => p.problem).join('; '));
  return o;
};

describe('outline schema', () => {
  it('rejects an exercise listed under another chapter and duplicates', () => {
    const {outline: o, problems} = outlineProblems(
      course(chapter('demo', ['demo/a', 'other/b', 'demo/a'])),
      'outline.ts',
    );
    expect(o).toBeUndefined();
    expect(problems.map((p) => p.problem)).toEqual([
      'parts.0.chapters.0.exercises.1: "other/b" is listed under chapter "demo" but its folder is not in exercises/demo/',
      'parts.0.chapters.0.exercises.2: "demo/a" is listed twice',
    ]);
    expect(problems.every((p) => p.file === 'outline.ts' && p.severity === 'error')).toBe(true);
  });

  it('lets chapters share a folder they name', () => {
    const shared = {...chapter('pods', ['kube/a']), folder: 'kube'};
    const other = {...chapter('overlay', ['kube/b']), folder: 'kube'};
    expect(outlineProblems(course(shared, other), 'outline.ts').problems).toEqual([]);
    const wrong = outlineProblems(course({...other, exercises: ['overlay/b']}), 'outline.ts').problems;
    expect(wrong.map((p) => p.problem)).toEqual([
      'parts.0.chapters.0.exercises.0: "overlay/b" is listed under chapter "overlay" but its folder is not in exercises/kube/',
    ]);
  });

  it('accepts the real outline', () => {
    expect(outlineProblems(outline, 'course/outline.ts').problems).toEqual([]);
  });
});

describe('outline against docs and folders', () => {
  it('reads doc ids from file names and front matter', () => {
    expect([...docIds(PATHS.docs).keys()].sort()).toEqual(['demo', 'intro']);
    expect(docIds(PATHS.docs).get('demo')).toBe(path.join(PATHS.docs, 'demo-page.mdx'));
  });

  it('names a chapter whose doc is missing, and how to add it', () => {
    const problems = checkOutlineDocs(valid(course(chapter('demo', []), chapter('ghost', []))), PATHS);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.problem).toMatch(/chapter "ghost" names doc "ghost", but .*docs\/ has no page/);
    expect(problems[0]?.fix).toMatch(/write .*docs\/ghost\.mdx \(front matter `id: ghost`\)/);
  });

  it('finds folders in no chapter and listed exercises without a folder', () => {
    const o = valid(course(chapter('demo', ['demo/complete', 'demo/gone'])));
    const problems = checkOutlineExercises(o, ['demo/complete', 'demo/orphan', 'newchap/x'], PATHS);
    expect(problems.map((p) => [path.basename(p.file), p.problem, p.fix])).toEqual([
      [
        'orphan',
        'this exercise is in no chapter of the course outline, so no page counts it',
        expect.stringContaining('add "demo/orphan" to the exercises of chapter "demo"'),
      ],
      [
        'x',
        'this exercise is in no chapter of the course outline, so no page counts it',
        expect.stringContaining('add a chapter { id: "newchap"'),
      ],
      [
        'outline.ts',
        expect.stringContaining('chapter "demo" lists "demo/gone", but'),
        expect.stringContaining('npm run new:exercise -- demo/gone'),
      ],
    ]);
  });
});

describe('chapter pages', () => {
  it('say which listed exercise the page does not show yet', () => {
    const problems = checkChapterPages(
      valid(course(chapter('demo', ['demo/complete', 'demo/shown', 'demo/in-partial']))),
      PATHS,
    );
    expect(problems.map((p) => [path.basename(p.file), p.problem, p.severity])).toEqual([
      [
        'demo-page.mdx',
        'does not show exercise "demo/complete", which the outline lists in chapter "demo"',
        'unfinished',
      ],
    ]);
    expect(problems[0]?.fix).toContain('<Exercise id="demo/complete" />');
  });
});

describe('sidebar', () => {
  it('is the intro, then one category per part that has chapters', () => {
    const items = sidebarItems(valid(course(chapter('demo', ['demo/complete']))));
    expect(items).toEqual([
      'intro',
      {
        type: 'category',
        label: 'Part one',
        collapsible: false,
        items: [{type: 'doc', id: 'demo', label: 'Chapter demo', customProps: {chapter: 'demo'}}],
      },
    ]);
  });

  it('refuses an outline with a missing doc, naming the fix', () => {
    expect(() => courseSidebar(course(chapter('ghost', [])), PATHS)).toThrow(/ghost[\s\S]*fix: write/);
  });
});

describe('the real course', () => {
  it('has no problems: every chapter has its doc, every folder its chapter, every snapshot its verdict', async () => {
    const report = await checkCourse(outline);
    expect(report.problems).toEqual([]);
    expect(report.exercises.map((e) => e.id)).toEqual(
      outline.parts.flatMap((p) => p.chapters.flatMap((c) => c.exercises)),
    );
  });
});
