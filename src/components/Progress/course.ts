/** Joins the build-time exercise index with the learner's stored progress. */
import {usePluginData} from '@docusaurus/useGlobalData';
import {
  EXERCISES_PLUGIN_NAME,
  type ExerciseSummary,
  type ExercisesGlobalData,
} from '@site/src/plugins/exercises/types';
import {useProgress} from './store';

export function useExerciseIndex(): ExerciseSummary[] {
  const data = usePluginData(EXERCISES_PLUGIN_NAME) as ExercisesGlobalData | undefined;
  return data?.exercises ?? [];
}

export interface ChapterProgress {
  chapter: string;
  solved: number;
  total: number;
  exercises: (ExerciseSummary & {solved: boolean; solvedAt: string | null})[];
}

export function useChapterProgress(): Map<string, ChapterProgress> {
  const index = useExerciseIndex();
  const progress = useProgress();
  const chapters = new Map<string, ChapterProgress>();
  for (const ex of index) {
    const solvedAt = progress.exercises[ex.id]?.solvedAt ?? null;
    const entry = chapters.get(ex.chapter) ?? {chapter: ex.chapter, solved: 0, total: 0, exercises: []};
    entry.total += 1;
    if (solvedAt) entry.solved += 1;
    entry.exercises.push({...ex, solved: solvedAt !== null, solvedAt});
    chapters.set(ex.chapter, entry);
  }
  return chapters;
}
