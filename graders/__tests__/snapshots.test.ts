/**
 * Grades every recorded snapshot of every registered exercise and compares
 * the verdict with what the case declares. Pure and fast: no VM.
 */
import {existsSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {exercises} from '../../exercises/index';
import {exerciseCases, mismatch, snapshotPath} from '../node';
import {gradeSnapshotText} from '../snapshot';

for (const ex of Object.values(exercises)) {
  describe(ex.id, () => {
    for (const c of exerciseCases(ex)) {
      const file = snapshotPath(ex, c.name);
      it(`${c.name} grades ${c.expect.verdict}${c.expect.verdict === 'failed' && c.expect.check ? ` on ${c.expect.check}` : ''}`, () => {
        expect(existsSync(file), `${file} is missing: npm run record -- ${ex.id}`).toBe(true);
        const r = gradeSnapshotText(ex, readFileSync(file, 'utf8'));
        expect(mismatch(c, r)).toBeNull();
        // Every failure must explain itself to the learner.
        for (const check of r.checks.filter((x) => x.status === 'failed'))
          expect(check.message?.length).toBeGreaterThan(10);
      });
    }
  });
}
