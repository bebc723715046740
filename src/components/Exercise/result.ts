/** The grade shape the Exercise card renders; mirrors the graders library's result. */
export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'error';

export interface CheckView {
  id: string;
  title: string;
  status: CheckStatus;
  message: string;
}

export interface GradeView {
  verdict: 'passed' | 'failed' | 'error';
  checks: CheckView[];
  /** Why grading itself failed (VM silent, collector error); only with verdict "error". */
  error?: string;
  /** Wall time of the Check, shown to the learner as a hint of VM health. */
  elapsedMs: number;
  /** The machine is dead: the card offers a reset next to the error. */
  offerReset?: boolean;
}

/** A VM that cannot run a no-op command within this long is not answering. */
export const ALIVE_TIMEOUT_MS = 5_000;
/** Collecting the state runs many tools in an emulated CPU: slow, but it ends. */
export const COLLECT_TIMEOUT_MS = 30_000;

export class CheckTimeoutError extends Error {
  constructor(ms: number) {
    super(
      `The lab did not answer within ${ms / 1000} s. It may be busy or stuck: wait a moment and check again, or reset the lab.`,
    );
    this.name = 'CheckTimeoutError';
  }
}

/** Rejects after `ms` so a silent VM yields an error result, never an endless spinner. */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
