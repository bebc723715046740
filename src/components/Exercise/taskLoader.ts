/**
 * Per-exercise lazy loading of the compiled task.mdx and its scripts. Lazy
 * components are cached per id: React.lazy must return the same component
 * across renders or it would remount (and refetch) every time.
 */
import {lazy, type ComponentType, type LazyExoticComponent} from 'react';
import tasks, {type LoadedTask, type TaskComponents} from '@netlab/exercise-tasks';
import type {Exercise} from '@site/graders/exercise';

const loads = new Map<string, Promise<LoadedTask>>();
type TaskComponent = ComponentType<{components?: TaskComponents}>;
const components = new Map<string, LazyExoticComponent<TaskComponent>>();

export function hasTask(id: string): boolean {
  return id in tasks;
}

export function loadTask(id: string): Promise<LoadedTask> {
  let p = loads.get(id);
  if (!p) {
    const entry = tasks[id];
    p = entry ? entry.task() : Promise.reject(new Error(`Unknown exercise "${id}"`));
    loads.set(id, p);
  }
  return p;
}

export function taskComponent(id: string): LazyExoticComponent<TaskComponent> {
  let c = components.get(id);
  if (!c) {
    c = lazy(() => loadTask(id).then((t) => ({default: t.Task})));
    components.set(id, c);
  }
  return c;
}

export function loadDefinition(id: string): Promise<Exercise> {
  const entry = tasks[id];
  return entry ? entry.definition() : Promise.reject(new Error(`Unknown exercise "${id}"`));
}
