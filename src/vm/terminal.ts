/**
 * One learner terminal's output: bytes from the emulator come one at a time,
 * and are handed on in small batches (an event per byte would swamp a page
 * during a flood). It also tells when the shell shows a prompt, which is what
 * "the lab is ready" means to a learner.
 */
const BATCH_MS = 8;
/** A prompt ends in "# " or "$ " once colours and cursor moves are taken out. */
const PROMPT_END = /[#$] $/;
// CSI and OSC sequences, then any other two-byte escape. Control characters
// are the point of this pattern.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]/g;
const TAIL = 256;

export class TerminalTap {
  private batch: number[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private tail = '';
  private promptWaiters: Array<() => void> = [];
  private readonly decoder = new TextDecoder();

  constructor(private readonly deliver: (data: Uint8Array) => void) {}

  byte(value: number): void {
    if (this.batch.push(value) === 1) this.timer = setTimeout(() => this.flush(), BATCH_MS);
  }

  /** Hands on what is batched now (also used before judging a crash, to see its last words). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.batch.length === 0) return;
    const data = Uint8Array.from(this.batch);
    this.batch.length = 0;
    if (this.promptWaiters.length > 0) {
      this.tail = (this.tail + this.decoder.decode(data, {stream: true})).slice(-TAIL);
      if (PROMPT_END.test(this.tail.replace(ESCAPES, ''))) this.promptWaiters.splice(0).forEach((w) => w());
    }
    this.deliver(data);
  }

  /** Resolves at the next prompt printed after this call. */
  nextPrompt(): Promise<void> {
    if (this.promptWaiters.length === 0) this.tail = '';
    return new Promise((resolve) => this.promptWaiters.push(resolve));
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.batch.length = 0;
    this.promptWaiters = [];
  }
}
