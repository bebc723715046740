/**
 * Shapes the exercises plugin hands to the browser. Kept free of Node imports
 * because components import these types too.
 */

/** What every page may know about every exercise (course map, sidebar counts). */
export interface ExerciseSummary {
  id: string;
  chapter: string;
  title: string;
}

/** A hint, with the check it helps with (absent for general hints). */
export interface HintData {
  text: string;
  check?: string;
}

/** Loaded lazily, only on pages that embed the exercise. */
export interface ExerciseScripts {
  id: string;
  /** The shared reset (exercises/_lib/reset.sh) followed by the exercise's setup.sh. */
  setup: string;
  solution: string;
  hints: HintData[];
  setupTimeoutMs: number;
  /** Per-learner parameters (graders/params.ts): the card shows the learner's own, from their seed. */
  seeded?: true;
}

/** A part of the course outline (course/outline.ts), as validated at build time. */
export interface OutlinePart {
  id: string;
  title: string;
  chapters: OutlineChapter[];
}

export interface OutlineChapter {
  /** Progress key and exercises/<id>/ folder. */
  id: string;
  /** Docusaurus doc id of the lesson page. */
  doc: string;
  title: string;
  blurb: string;
  /** Exercise ids in lesson order. */
  exercises: string[];
}

export interface ExercisesGlobalData {
  exercises: ExerciseSummary[];
  parts: OutlinePart[];
}

export const EXERCISES_PLUGIN_NAME = 'netlab-exercises';
