/**
 * Per-exercise lazy loading of the compiled task.mdx and its scripts. The
 * task component of an id is cached: a new component type each render would
 * remount (and refetch) the task.
 *
 * Every task is part of its lesson's static HTML, inside the <article> the
 * search index reads. For that the static build's loaders return promises
 * already settled (see serverTasksModule in src/plugins/exercises.ts), and
 * the task is not under a Suspense boundary: React streams a large suspended
 * or completed boundary to the end of the page, outside the article.
 * In the browser the task's chunk loads after the page; until then the task
 * view keeps the HTML the page came with (hydration leaves an element with
 * inner HTML as it is), or shows the fallback after an in-site navigation.
 */
import React, {useEffect, useState, type ComponentType, type ReactNode} from 'react';
import tasks, {type LoadedTask, type TaskComponents} from '@netlab/exercise-tasks';
import type {Exercise} from '@site/graders/exercise';

/** React's convention for a promise whose outcome is known. */
type TrackedLoad = Promise<LoadedTask> & {status?: 'fulfilled' | 'rejected'; value?: LoadedTask; reason?: unknown};

const loads = new Map<string, TrackedLoad>();
type TaskProps = {components?: TaskComponents; fallback?: ReactNode};
const components = new Map<string, ComponentType<TaskProps>>();

export function hasTask(id: string): boolean {
  return id in tasks;
}

function track(id: string): TrackedLoad {
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

export function loadTask(id: string): Promise<LoadedTask> {
  return track(id);
}

/** The task's HTML as the static page has it, before hydration replaces anything. */
function staticHtml(id: string): string {
  if (typeof document === 'undefined') return '';
  return document.querySelector(`[data-task="${CSS.escape(id)}"]`)?.innerHTML ?? '';
}

export function taskComponent(id: string): ComponentType<TaskProps> {
  let c = components.get(id);
  if (!c) {
    const TaskView = ({components: overrides, fallback = null}: TaskProps): ReactNode => {
      const load = track(id);
      const [, settled] = useState(0);
      const renderedPending = !load.status;
      useEffect(() => {
        if (!renderedPending) return;
        const done = (): void => settled((n) => n + 1);
        // Settled between this render and the effect: render again now, no event is coming.
        if (load.status) done();
        else load.then(done, done);
      }, [load, renderedPending]);
      if (load.status === 'rejected') throw load.reason;
      if (load.status === 'fulfilled' && load.value) {
        const {Task} = load.value;
        return (
          <div data-task={id}>
            <Task components={overrides} />
          </div>
        );
      }
      const html = staticHtml(id);
      // The page's own server-rendered HTML, kept as it is until the task loads.
      return html ? <div data-task={id} dangerouslySetInnerHTML={{__html: html}} /> : fallback;
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
