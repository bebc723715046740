import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {outlineProblems} from '../schema';
import {addToOutline, chapterEntry, scaffoldFiles, titleFromSlug} from '../scaffold';

const OUTLINE = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'outline.ts'), 'utf8');

describe('new exercise scaffold', () => {
  it('writes every file an exercise needs, with its id and a labelled near-miss', () => {
    const files = scaffoldFiles('bridges/hello-bridge');
    expect(Object.keys(files).sort()).toEqual([
      'alternatives/README.md',
      'exercise.ts',
      'near-misses/bridge-down.sh',
      'setup.sh',
      'solution.sh',
      'task.mdx',
    ]);
    expect(files['exercise.ts']).toContain('id: "bridges/hello-bridge"');
    expect(files['task.mdx']?.startsWith('# Hello bridge\n')).toBe(true);
    expect(files['near-misses/bridge-down.sh']).toMatch(/^# expect-fail: bridge$/m);
    expect(titleFromSlug('gateway-on-bridge')).toBe('Gateway on bridge');
  });

  it('appends the id to its own chapter in the real outline, and nowhere else', () => {
    const out = addToOutline(OUTLINE, 'bridges/hello-bridge');
    expect(out).not.toBeNull();
    const chapterOf = (src: string, name: string) =>
      src.slice(src.indexOf(`id: '${name}'`), src.indexOf('],', src.indexOf(`id: '${name}'`)));
    const ids = (src: string) => [...src.matchAll(/'([a-z0-9-]+\/[a-z0-9-]+)'/g)].map((m) => m[1]);
    // Every chapter keeps its list; bridges gains the new id, last.
    expect(ids(chapterOf(out ?? '', 'bridges'))).toEqual([
      ...ids(chapterOf(OUTLINE, 'bridges')),
      'bridges/hello-bridge',
    ]);
    for (const other of ['nat', 'vlans'])
      expect(ids(chapterOf(out ?? '', other))).toEqual(ids(chapterOf(OUTLINE, other)));
  });

  it('fills an empty exercise list and refuses chapters it cannot find', () => {
    const src =
      'parts: [{\n  chapters: [\n    {\n      id: "x",\n      doc: "x",\n      exercises: [],\n    },\n  ],\n}]';
    expect(addToOutline(src, 'x/first')).toBe(
      src.replace('exercises: []', "exercises: [\n        'x/first',\n      ]"),
    );
    expect(addToOutline(OUTLINE, 'no-such-chapter/first')).toBeNull();
    // A part id is not a chapter: "foundations" has no doc field of its own.
    expect(addToOutline(OUTLINE, 'foundations/first')).toBeNull();
  });

  it('prints a chapter entry that the outline schema accepts', () => {
    const entry = chapterEntry('routing/first');
    const chapter = JSON.parse(
      entry
        .replace(/,\s*$/, '')
        .replace(/(\w+):/g, '"$1":')
        .replace(/,(\s*[\]}])/g, '$1'),
    ) as unknown;
    const r = outlineProblems({intro: 'intro', parts: [{id: 'p', title: 'Part', chapters: [chapter]}]}, 'outline.ts');
    expect(r.problems).toEqual([]);
  });
});
