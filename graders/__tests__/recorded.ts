/** Real VM output for parser tests, taken from the exercises' recorded snapshots. */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {EXERCISES_DIR} from '../node';
import type {NetState} from '../model';
import type {Exercise} from '../exercise';
import {gradeSnapshotText, SnapshotSchema} from '../snapshot';
import {buildNetState} from '../state';

export function recordedSection(exercise: string, caseFile: string, ns: string, name: string): string {
  const file = join(EXERCISES_DIR, exercise, 'snapshots', `${caseFile}.json`);
  const snap = SnapshotSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const s = snap.sections.find((x) => x.ns === ns && x.name === name);
  if (!s) throw new Error(`${file} has no section ${name} for namespace ${ns}`);
  return s.body;
}

/** The parsed state of a recorded case (probe results left out: these tests read the state only). */
export function recordedState(exercise: string, caseFile: string): NetState {
  const file = join(EXERCISES_DIR, exercise, 'snapshots', `${caseFile}.json`);
  const snap = SnapshotSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const s = buildNetState(snap.sections);
  if (!s.ok) throw new Error(`${file}: ${s.error}`);
  return s.value;
}

/** An exercise graded from one of its recorded cases, with each check's status and message by check id. */
export function gradeRecorded(ex: Exercise, caseFile: string) {
  const text = readFileSync(join(EXERCISES_DIR, ex.id, 'snapshots', `${caseFile}.json`), 'utf8');
  const r = gradeSnapshotText(ex, text);
  const status = (id: string) => r.checks.find((c) => c.id === id)?.status;
  const message = (id: string) => r.checks.find((c) => c.id === id)?.message ?? '';
  return {r, status, message};
}
