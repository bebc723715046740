/**
 * The exercise definition and check API. A check reads the state through a
 * Query and returns pass() or fail("what was found, what was expected").
 * Grading never throws: a broken state or a crashing check is an `error`.
 */
import {z} from 'zod';
import type {NetState} from './model';
import {ProbeDeclSchema} from './probes';
import {Query} from './query';
import type {ParseOutcome} from './sections';

export type CheckOutcome = {ok: true} | {ok: false; message: string};
export const pass = (): CheckOutcome => ({ok: true});
export const fail = (message: string): CheckOutcome => ({ok: false, message});

/**
 * A seeded exercise's parameters for one learner (see graders/params.ts):
 * shell-variable names to values, so scripts can read them too.
 */
export type Params = Readonly<Record<string, string | number>>;
export type CheckFn = (q: Query) => CheckOutcome;
/** A check of a seeded exercise also reads the learner's parameters; a plain CheckFn is one too. */
export type ParamCheckFn = (q: Query, params: Params) => CheckOutcome;
const isFunction = (v: unknown) => typeof v === 'function';

const CheckSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'check ids are lower-case words joined by dashes'),
  /** What the learner should achieve, phrased as a goal ("br0 exists and is up"). */
  title: z.string().min(3),
  /** Skipped (not failed) while any of these checks does not pass. */
  dependsOn: z.array(z.string()).default([]),
  /** Progressive: the first nudges, the last nearly gives the command. */
  hints: z.array(z.string().min(3)).min(1, 'every check needs at least one hint'),
  run: z.custom<ParamCheckFn>(isFunction, 'run must be a function (q) => pass() | fail(msg)'),
});
export type CheckDef = z.input<typeof CheckSchema>;

export const ExerciseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'ids look like "chapter/slug"'),
    title: z.string().min(3),
    /** Files inside the exercise folder. */
    setup: z.string().default('setup.sh'),
    /**
     * Shared start-state builders, run in this order after the reset and before setup.sh:
     * "k8s" is exercises/_lib/k8s.sh. They define shell functions setup.sh calls.
     */
    libs: z.array(z.string().regex(/^[a-z0-9-]+$/, 'the name of a file exercises/_lib/<name>.sh')).default([]),
    solution: z.string().default('solution.sh'),
    probes: z.array(ProbeDeclSchema).default([]),
    /**
     * Named namespaces the collector enters (the root always is): their
     * iptables/nft/sockets and every sysctl are collected. Other namespaces
     * get forwarding, rp_filter and proxy_arp through `ip netconf`.
     */
    deepNamespaces: z.array(z.string()).default([]),
    files: z.array(z.string().startsWith('/')).default([]),
    /** Files read byte for byte (captures): base64 in the state, at most 1 MiB; `Query.fileBytes` decodes them. */
    binaryFiles: z.array(z.string().startsWith('/')).default([]),
    /**
     * Process names (as in /proc/<pid>/comm, e.g. "dnsmasq") the collector lists with their
     * namespace and arguments; for dnsmasq it also reads the lease file it writes.
     */
    processes: z
      .array(z.string().regex(/^[A-Za-z0-9_.:-]{1,15}$/, 'a process name (comm) of 1-15 characters'))
      .default([]),
    /** Send the connection tracking table of the root and deep namespaces (Service labs: which Pod served). */
    conntrack: z.boolean().default(false),
    hints: z.array(z.string()).default([]),
    checks: z.array(CheckSchema).min(1),
    /**
     * Per-learner parameters: `params(seed)` returns them (checks get them as
     * their second argument, scripts as shell variables), `paramProbes(params)`
     * the probes that depend on them, and `seeds` the seeds recorded in CI.
     */
    params: z
      .custom<(seed: number) => Params>(isFunction, 'params must be a function (seed) => {NAME: value}')
      .optional(),
    paramProbes: z
      .custom<(params: Params) => z.input<typeof ProbeDeclSchema>[]>(
        isFunction,
        'paramProbes must be a function (params) => probes',
      )
      .optional(),
    seeds: z.array(z.int().min(0).max(0xffffffff)).default([]),
  })
  .superRefine((ex, ctx) => {
    const seen = new Set<string>();
    for (const [i, c] of ex.checks.entries()) {
      if (seen.has(c.id))
        ctx.addIssue({code: 'custom', path: ['checks', i, 'id'], message: `duplicate check id "${c.id}"`});
      for (const d of c.dependsOn) {
        if (!seen.has(d)) {
          ctx.addIssue({
            code: 'custom',
            path: ['checks', i, 'dependsOn'],
            message: `check "${c.id}" depends on "${d}", which must be defined before it`,
          });
        }
      }
      seen.add(c.id);
    }
    const probeIds = new Set<string>();
    for (const [i, p] of ex.probes.entries()) {
      if (probeIds.has(p.id))
        ctx.addIssue({code: 'custom', path: ['probes', i, 'id'], message: `duplicate probe id "${p.id}"`});
      probeIds.add(p.id);
    }
    if (ex.params && ex.seeds.length === 0)
      ctx.addIssue({code: 'custom', path: ['seeds'], message: 'an exercise with params lists the seeds to record'});
    if (!ex.params && (ex.seeds.length > 0 || ex.paramProbes))
      ctx.addIssue({code: 'custom', path: ['params'], message: 'seeds and paramProbes need a params function'});
  });
export type Exercise = z.output<typeof ExerciseSchema>;
export type ExerciseInput = z.input<typeof ExerciseSchema>;

/** Validates at import time so a broken definition fails loudly in tests and check:exercises. */
export function defineExercise(input: ExerciseInput): Exercise {
  const r = ExerciseSchema.safeParse(input);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(
      `exercises/${String(input.id)}/exercise.ts is invalid:\n${lines.join('\n')}\n` +
        '  fix: give each field listed above the shape graders/README.md describes (every check needs id, title, hints and run)',
    );
  }
  return r.data;
}

export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'error';
export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  message?: string;
  hints: string[];
}
export type Verdict = 'passed' | 'failed' | 'error';
export interface GradeResult {
  exercise: string;
  verdict: Verdict;
  checks: CheckResult[];
  /** Why grading was impossible (verdict "error"). */
  error?: string;
  /** Parts of the state that could not be read; grading went on without them. */
  problems: string[];
}

/** Grades a state (or the failure to obtain one). Pure; never throws. */
export function grade(ex: Exercise, state: ParseOutcome<NetState>): GradeResult {
  if (!state.ok) {
    return {
      exercise: ex.id,
      verdict: 'error',
      checks: [],
      error: `could not read the VM state: ${state.error}`,
      problems: [],
    };
  }
  if (ex.params) {
    return {
      exercise: ex.id,
      verdict: 'error',
      checks: [],
      error: `${ex.id} takes per-learner parameters: grade instantiate(exercise, seed) (graders/params.ts)`,
      problems: [],
    };
  }
  const q = new Query(state.value);
  const results: CheckResult[] = [];
  const byId = new Map<string, CheckResult>();
  for (const c of ex.checks) {
    const base = {id: c.id, title: c.title, hints: c.hints};
    const blocker = c.dependsOn.map((d) => byId.get(d)).find((r) => r && r.status !== 'passed');
    let result: CheckResult;
    if (blocker) {
      result = {...base, status: 'skipped', message: `Waiting for "${blocker.title}".`};
    } else {
      try {
        const o = c.run(q, {});
        result = o.ok ? {...base, status: 'passed'} : {...base, status: 'failed', message: o.message};
      } catch (e) {
        result = {...base, status: 'error', message: `the grader itself failed: ${(e as Error).message}`};
      }
    }
    results.push(result);
    byId.set(c.id, result);
  }
  const errored = results.find((r) => r.status === 'error');
  const verdict: Verdict = errored ? 'error' : results.every((r) => r.status === 'passed') ? 'passed' : 'failed';
  return {
    exercise: ex.id,
    verdict,
    checks: results,
    error: errored ? `check "${errored.id}": ${errored.message}` : undefined,
    problems: state.value.problems,
  };
}
