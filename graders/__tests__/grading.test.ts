/** Grading never throws: broken input and broken checks become verdicts. */
import {describe, expect, it} from 'vitest';
import {exercises} from '../../exercises/index';
import {defineExercise, fail, grade, pass} from '../exercise';
import {gradeSnapshotText} from '../snapshot';
import {netStateFromOutput} from '../state';

const ex = Object.values(exercises)[0];

describe('grading errors', () => {
  it.each([
    ['non-JSON snapshot', '{'],
    ['wrong format', '{"format":"other"}'],
    [
      'truncated collector output in a snapshot',
      '{"format":"netlab-snapshot","version":1,"exercise":"x","case":"c","recordedAt":"t","sections":[]}',
    ],
  ])('%s gives verdict error', (_w, text) => {
    const r = gradeSnapshotText(ex, text);
    expect(r.verdict).toBe('error');
    expect(r.error).toBeTruthy();
  });

  it('a garbled collector stream gives verdict error', () => {
    const r = grade(ex, netStateFromOutput('@@section . ip.link 0 99\n[]'));
    expect(r.verdict).toBe('error');
    expect(r.error).toMatch(/truncated/);
  });

  it('an unreadable required section gives verdict error', () => {
    const f = (name: string, body: string) => `@@section . ${name} 0 ${body.length}\n${body}\n`;
    const raw = f('ip.link', 'not json') + f('ip.addr', '[]') + f('ip.route', '[]') + f('end', '');
    const r = grade(ex, netStateFromOutput(raw));
    expect(r.verdict).toBe('error');
    expect(r.error).toContain('not JSON');
  });

  it('skips dependants of a failed check and turns a throwing check into error', () => {
    const f = (name: string, body: string) => `@@section . ${name} 0 ${body.length}\n${body}\n`;
    const raw = f('ip.link', '[]') + f('ip.addr', '[]') + f('ip.route', '[]') + f('end', '');
    const def = defineExercise({
      id: 't/t',
      title: 'test',
      checks: [
        {id: 'a', title: 'a fails', hints: ['a hint'], run: () => fail('a is wrong')},
        {id: 'b', title: 'b after a', dependsOn: ['a'], hints: ['a hint'], run: () => pass()},
        {
          id: 'c',
          title: 'c throws',
          hints: ['a hint'],
          run: () => {
            throw new Error('boom');
          },
        },
      ],
    });
    const r = grade(def, netStateFromOutput(raw));
    expect(r.checks.map((c) => c.status)).toEqual(['failed', 'skipped', 'error']);
    expect(r.verdict).toBe('error');
    expect(r.checks[1].message).toContain('a fails');
  });

  it('rejects definitions with unknown dependencies or missing hints', () => {
    expect(() =>
      defineExercise({
        id: 't/t',
        title: 'test',
        checks: [{id: 'a', title: 'aaa', dependsOn: ['zz'], hints: ['a hint'], run: () => pass()}],
      }),
    ).toThrow(/depends on "zz"/);
    expect(() =>
      defineExercise({id: 't/t', title: 'test', checks: [{id: 'a', title: 'aaa', hints: [], run: () => pass()}]}),
    ).toThrow(/hint/);
  });
});
