// The module the exercises plugin generates at build time (see ../exercises.ts).
declare module '@netlab/exercise-tasks' {
  import type {ComponentType, ReactNode} from 'react';
  import type {ExerciseScripts} from '@site/src/plugins/exercises/types';
  import type {Exercise} from '@site/graders/exercise';

  /** Compiled MDX accepts per-element overrides, as any MDX content does. */
  export type TaskComponents = Record<string, ComponentType<{children?: ReactNode}>>;
  export interface LoadedTask {
    Task: ComponentType<{components?: TaskComponents}>;
    scripts: ExerciseScripts;
  }
  export interface TaskEntry {
    task: () => Promise<LoadedTask>;
    /** The graders definition (checks, probes); pulled in only when grading. */
    definition: () => Promise<Exercise>;
  }
  const tasks: Record<string, TaskEntry>;
  export default tasks;
}

// Shell scripts are bundled as text (see the `.sh` rule in ../exercises.ts).
declare module '*.sh' {
  const text: string;
  export default text;
}
