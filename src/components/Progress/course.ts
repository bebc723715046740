/**
 * Joins the course outline and exercise index (both published at build time
 * by the exercises plugin from course/outline.ts) with the learner's stored
 * progress. Counts follow the outline, so a chapter's total is exactly the
 * exercises its lesson lists.
 */
import {usePluginData} from '@docusaurus/useGlobalData';
import {useAllDocsData} from '@docusaurus/plugin-content-docs/client';
import {
  EXERCISES_PLUGIN_NAME,
  type ExerciseSummary,
  type ExercisesGlobalData,
  type OutlineChapter,
  type OutlinePart,
} from '@site/src/plugins/exercises/types';
import {useProgress} from './store';

function useCourseData(): ExercisesGlobalData {
  const data = usePluginData(EXERCISES_PLUGIN_NAME) as ExercisesGlobalData | undefined;
  return data ?? {exercises: [], parts: []};
}

export function useExerciseIndex(): ExerciseSummary[] {
  return useCourseData().exercises;
}

/** Parts that have chapters, in course order (planned, empty parts are not shown). */
export function useCourseParts(): OutlinePart[] {
  return useCourseData().parts.filter((p) => p.chapters.length > 0);
}

/** Chapter id -> the URL of its lesson, from the docs plugin (so slugs and baseUrl are respected). */
export function useChapterPaths(): Map<string, string> {
  const docs = Object.values(useAllDocsData()).flatMap((plugin) => plugin.versions.flatMap((v) => v.docs));
  const paths = new Map<string, string>();
  for (const part of useCourseParts()) {
    for (const ch of part.chapters) {
      const doc = docs.find((d) => d.id === ch.doc);
      if (doc) paths.set(ch.id, doc.path);
    }
  }
  return paths;
}

export interface ChapterProgress {
  chapter: string;
  solved: number;
  total: number;
  exercises: (ExerciseSummary & {solved: boolean; solvedAt: string | null})[];
}

/** Progress of one chapter; pure so it can be tested without React. */
export function chapterProgress(
  chapter: OutlineChapter,
  index: ExerciseSummary[],
  solvedAt: (id: string) => string | null,
): ChapterProgress {
  const exercises = chapter.exercises.map((id) => {
    const summary = index.find((e) => e.id === id) ?? {id, chapter: chapter.id, title: id};
    const at = solvedAt(id);
    return {...summary, solved: at !== null, solvedAt: at};
  });
  return {chapter: chapter.id, solved: exercises.filter((e) => e.solved).length, total: exercises.length, exercises};
}

export function useChapterProgress(): Map<string, ChapterProgress> {
  const {exercises, parts} = useCourseData();
  const progress = useProgress();
  const solvedAt = (id: string) => progress.exercises[id]?.solvedAt ?? null;
  const chapters = new Map<string, ChapterProgress>();
  for (const ch of parts.flatMap((p) => p.chapters)) chapters.set(ch.id, chapterProgress(ch, exercises, solvedAt));
  return chapters;
}
