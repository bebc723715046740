/**
 * The learner's own parameters on a seeded exercise's card: `<Param
 * name="BLOCK" />` in task.mdx shows that learner's value (the card passes
 * it to the task as an MDX component).
 */
import React, {createContext, useContext, useEffect, useState, type ReactNode} from 'react';
import type {LearnerParams} from './seeded';

export const ParamsContext = createContext<LearnerParams | null>(null);

/** `<Param name="NAME" />`: the value, or a placeholder until the learner's seed is known. */
export function Param({name}: {name?: string; children?: ReactNode}): ReactNode {
  const p = useContext(ParamsContext);
  const value = name === undefined ? undefined : p?.params[name];
  return <code>{value ?? '…'}</code>;
}

/** Loads the parameters of `id` for `seed`; null while there is no seed or the exercise is not seeded. */
export function useLearnerParams(id: string, seed: number | null): LearnerParams | null {
  const [loaded, setLoaded] = useState<LearnerParams | null>(null);
  useEffect(() => {
    if (seed === null) return undefined;
    let live = true;
    import('./seeded')
      .then((m) => m.learnerParams(id, seed))
      .then(
        (p) => live && setLoaded(p),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [id, seed]);
  return loaded?.seed === seed ? loaded : null;
}
