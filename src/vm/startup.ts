/**
 * The guest side of a start: what the driver says to a freshly restored (or
 * booted) machine before it calls it ready.
 */
import type {ControlChannel} from './channel';
import type {Emulator} from './emulator';
import type {TerminalTap} from './terminal';
import {VmUnavailableError} from './types';

/** Knocks on a shell: Ctrl-L makes readline clear the screen and redraw its prompt, running nothing. */
const KNOCK = '\x0c';

/**
 * Sets the host's clock (the snapshot's is the build's), and makes a panic
 * reset the CPU at once, which the health watch sees, instead of spinning.
 * Retried, each time with more patience: on a loaded machine the first
 * request after a restore can take many seconds.
 */
export async function settle(channel: ControlChannel, signal: AbortSignal): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const now = (Date.now() / 1000).toFixed(3);
    try {
      await channel.exec(`date -s @${now} >/dev/null; echo -1 > /proc/sys/kernel/panic`, {timeoutMs: 4000 * attempt});
      return;
    } catch (e) {
      if (e instanceof VmUnavailableError || signal.aborted || attempt >= 8) throw e;
    }
  }
}

/** Until a cold-booted agent says hello, knock: a reply proves the channel works. */
export async function knockAgent(channel: ControlChannel, signal: AbortSignal): Promise<void> {
  for (;;) {
    try {
      await channel.exec('true', {timeoutMs: 2000});
      return;
    } catch (e) {
      if (e instanceof VmUnavailableError || signal.aborted) throw e;
    }
  }
}

/** Every shell redraws its prompt: "ready" means a learner sees where to type. */
export async function knockShells(emulator: Emulator, terminals: TerminalTap[]): Promise<void> {
  await Promise.all(
    terminals.map((tap, t) => {
      const prompt = tap.nextPrompt();
      emulator.serial_send_bytes(t, new TextEncoder().encode(KNOCK));
      return prompt;
    }),
  );
}

/** Rejects with the signal's reason as soon as it aborts, whatever `work` does. */
export function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, {once: true});
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
