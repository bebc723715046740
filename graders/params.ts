/**
 * Per-learner exercises. An exercise may declare `params(seed)`: the seed is
 * kept with the learner's progress (or given on the command line), the params
 * follow from it, and `instantiate` turns the exercise into an ordinary one
 * for that seed: its `paramProbes` become plain probes and every check is
 * bound to the params. Grading stays a pure function of (state, params), and
 * collect.ts, state.ts and grade() need not know about seeds at all.
 *
 * Scripts (solution, near-misses, alternatives) read the params as shell
 * variables, set by `paramsScript` before the script runs; the page shows the
 * same lines above the reference solution.
 */
import {z} from 'zod';
import type {Exercise, Params} from './exercise';
import {ProbeDeclSchema} from './probes';

const NAME = /^[A-Z][A-Z0-9_]*$/;
const ParamsSchema = z.record(
  z.string().regex(NAME, 'parameter names are shell variable names in capitals (BLOCK, LAN1_HOSTS)'),
  z.union([z.string().regex(/^[A-Za-z0-9_.:/-]*$/, 'values are plain words (no blanks or quotes)'), z.number()]),
);

/** Seeds are unsigned 32-bit integers, the state of the drills' and labs' generators. */
export const MAX_SEED = 0xffffffff;

/** The params of `ex` for `seed`; throws, naming the exercise, when it has none or they are malformed. */
export function paramsFor(ex: Exercise, seed: number): Params {
  if (!ex.params) throw new Error(`${ex.id} has no per-learner parameters, so it takes no seed`);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    throw new Error(`${ex.id}: seed ${seed} is not a whole number from 0 to ${MAX_SEED}`);
  const r = ParamsSchema.safeParse(ex.params(seed));
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(
      `exercises/${ex.id}/exercise.ts: params(${seed}) is invalid at ${i?.path.join('.') || '(root)'}: ${i?.message}`,
    );
  }
  return r.data;
}

/** The exercise as it is for one learner: probes resolved, checks bound to the params, no params left. */
export function instantiate(ex: Exercise, seed: number): Exercise {
  const params = paramsFor(ex, seed);
  const extra = z.array(ProbeDeclSchema).safeParse(ex.paramProbes?.(params) ?? []);
  if (!extra.success)
    throw new Error(`exercises/${ex.id}/exercise.ts: paramProbes(seed ${seed}) is invalid: ${extra.error.message}`);
  return {
    ...ex,
    params: undefined,
    paramProbes: undefined,
    probes: [...ex.probes, ...extra.data],
    checks: ex.checks.map((c) => ({...c, run: (q) => c.run(q, params)})),
  };
}

/** Shell lines setting each param, run before a case's script (and shown above the solution). */
export function paramsScript(params: Params, seed: number): string {
  const lines = Object.entries(params).map(([k, v]) => `${k}=${v}`);
  return `# Parameters for seed ${seed}\n${lines.join('\n')}\n`;
}

/** `# seed: N` in a near-miss or alternative picks the seed it is recorded with. */
export function declaredSeed(script: string): number | undefined {
  const m = /^#\s*seed:\s*(\d+)\s*$/m.exec(script);
  return m ? Number(m[1]) : undefined;
}

/** Suffix of a seeded case's name and snapshot file: `solution--seed-7.json`. */
export const seedSuffix = (seed: number): string => `--seed-${seed}`;

/** "solution--seed-7" -> "solution"; names without a seed are unchanged. */
export const baseCaseName = (name: string): string => name.replace(/--seed-\d+$/, '');

interface SeedableCase {
  name: string;
  script: string | null;
  seed?: number;
}

/**
 * A seeded exercise's cases: the reference solution once per seed in
 * `ex.seeds`, every other case once, with its `# seed: N` or the first seed.
 * Each name carries its seed. Cases of other exercises come back unchanged.
 */
export function expandSeeds<C extends SeedableCase>(ex: Exercise, cases: C[]): C[] {
  const [first] = ex.seeds;
  if (!ex.params || first === undefined) return cases;
  return cases.flatMap((c) => {
    const seeds = c.name === 'solution' ? ex.seeds : [declaredSeed(c.script ?? '') ?? first];
    return seeds.map((seed) => ({...c, name: `${c.name}${seedSuffix(seed)}`, seed}));
  });
}

/**
 * Reads `--param seed=N` values. Only `seed` exists today; anything else is
 * an error that says what is accepted.
 */
export function parseParamArgs(args: readonly string[]): {seed?: number; error?: string} {
  let seed: number | undefined;
  for (const a of args) {
    const m = /^([a-z]+)=(.*)$/.exec(a.trim());
    if (!m) return {error: `--param ${a}: expected name=value, e.g. --param seed=7`};
    const [, name, value = ''] = m;
    if (name !== 'seed')
      return {error: `--param ${a}: unknown parameter "${name}"; the only one is seed (--param seed=7)`};
    if (!/^\d+$/.test(value) || Number(value) > MAX_SEED)
      return {error: `--param ${a}: the seed must be a whole number from 0 to ${MAX_SEED}, e.g. --param seed=7`};
    seed = Number(value);
  }
  return {seed};
}
