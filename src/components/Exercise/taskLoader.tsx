/**
 * Per-exercise lazy loading of the compiled task.mdx and its scripts. The
 * task component of an id is cached: a new component type each render would
 * remount (and refetch) the task.
 *
 * The task component reads the load with `use`, which renders a promise
 * already marked fulfilled without suspending. The static build's loaders
 * return such promises (see serverTasksModule in src/plugins/exercises.ts),
 * so every task is part of its lesson's HTML, inside the <article> the
 * search index reads. In the browser it suspends until the task's chunk is
 * there, and hydration keeps the server's HTML meanwhile.
 */
import React, {use, type ComponentType, type ReactNode} from 'react';
import tasks, {type LoadedTask, type TaskComponents} from '@netlab/exercise-tasks';
import type {Exercise} from '@site/graders/exercise';

/** React's convention for a promise whose outcome is known: `use` returns `value` at once. */
type TrackedLoad = Promise<LoadedTask> & {status?: 'fulfilled' | 'rejected'; value?: LoadedTask; reason?: unknown};

const loads = new Map<string, TrackedLoad>();
type TaskProps = {components?: TaskComponents};
const components = new Map<string, ComponentType<TaskProps>>();

export function hasTask(id: string): boolean {
  return id in tasks;
}

export function loadTask(id: string): Promise<LoadedTask> {
  let p = loads.get(id);
  if (!p) {
    const entry = tasks[id];
    const load: TrackedLoad = entry ? entry.task() : Promise.reject(new Error(`Unknown exercise "${id}"`));
    // Marked on settling, unless the loader returned it marked already (the static build's do).
    if (!load.status)
      load.then(
        (value) => Object.assign(load, {status: 'fulfilled', value}),
        (reason: unknown) => Object.assign(load, {status: 'rejected', reason}),
      );
    p = load;
    loads.set(id, p);
  }
  return p;
}

export function taskComponent(id: string): ComponentType<TaskProps> {
  let c = components.get(id);
  if (!c) {
    const TaskView = ({components: overrides}: TaskProps): ReactNode => {
      const {Task} = use(loadTask(id));
      return <Task components={overrides} />;
    };
    TaskView.displayName = `Task(${id})`;
    c = TaskView;
    components.set(id, c);
  }
  return c;
}

export function loadDefinition(id: string): Promise<Exercise> {
  const entry = tasks[id];
  return entry ? entry.definition() : Promise.reject(new Error(`Unknown exercise "${id}"`));
}
