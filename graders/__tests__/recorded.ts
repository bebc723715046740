/** Real VM output for parser tests, taken from the exercises' recorded snapshots. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EXERCISES_DIR } from "../node";
import { SnapshotSchema } from "../snapshot";

export function recordedSection(exercise: string, caseFile: string, ns: string, name: string): string {
  const file = join(EXERCISES_DIR, exercise, "snapshots", `${caseFile}.json`);
  const snap = SnapshotSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  const s = snap.sections.find((x) => x.ns === ns && x.name === name);
  if (!s) throw new Error(`${file} has no section ${name} for namespace ${ns}`);
  return s.body;
}
