/**
 * Prints the graders' exercise registry as JSON. The exercises plugin runs
 * this in a child `tsx` process because Docusaurus loads plugins through jiti,
 * whose default-export interop breaks the registry's named ESM imports.
 */
import {exercises} from '../../../exercises/index';
import type {RegistryEntry} from './load';

const out: RegistryEntry[] = Object.entries(exercises).map(([key, ex]) => ({
  key,
  id: ex.id,
  title: ex.title,
  setup: ex.setup,
  solution: ex.solution,
  hints: ex.hints,
  checks: ex.checks.map((c) => ({title: c.title, hints: c.hints})),
}));
process.stdout.write(JSON.stringify(out));
