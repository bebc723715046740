/** Real VM output for parser tests, taken from the exercises' recorded snapshots. */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {EXERCISES_DIR} from '../node';
import type {NetState} from '../model';
import {SnapshotSchema} from '../snapshot';
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
