/**
 * Decides that a machine is dead from what the emulator shows, never from
 * text alone. Two facts are final and are polled:
 *  - the CPU halted with interrupts off (poweroff -f, halt -f): only a reset
 *    could wake it;
 *  - paging went off after the kernel had it on: the CPU was reset (reboot -f,
 *    or a panic, which the driver sets to reboot at once) and only the BIOS is
 *    left, with no kernel to boot.
 * A console hint (the text of a panic or a power-off) adds a third check, for
 * a kernel that panics and spins (a learner may set kernel.panic=0): the
 * agent does not answer a no-op and the CPU never idles meanwhile. Text that
 * merely looks like a crash is disproved by the agent answering, or by an
 * idling CPU.
 */
import type {CpuView} from './emulator';

export interface HealthOptions {
  cpu: CpuView;
  pollMs: number;
  probeMs: number;
  /** Asks the agent for a no-op; resolves true if it answered within `timeoutMs`. */
  probe(timeoutMs: number): Promise<boolean>;
  /** Hands on console output still batched, so the latest hint is known. */
  flush(): void;
  onDead(reason: string): void;
}

/** Two unanswered probes with a busy CPU, a few seconds apart, are not a hiccup. */
const STRIKES = 2;
const IDLE_SAMPLE_MS = 20;

export class HealthWatch {
  private timer: ReturnType<typeof setInterval> | undefined;
  private hintReason: string | null = null;
  private hints = 0;
  private confirming = false;
  private pagingSeen = false;
  private stopped = false;

  constructor(private readonly options: HealthOptions) {}

  start(): void {
    if (this.timer !== undefined || this.stopped) return;
    this.timer = setInterval(() => this.poll(), this.options.pollMs);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The console printed what a dying kernel prints. */
  hint(reason: string): void {
    if (this.stopped) return;
    this.hintReason = reason;
    this.hints++;
    void this.confirm();
  }

  /** Returns true (and reports) when a final fact holds. */
  private poll(): boolean {
    if (this.stopped) return true;
    const fact = this.fact();
    if (!fact) return false;
    this.die(fact);
    return true;
  }

  private fact(): string | null {
    const cpu = this.options.cpu;
    if (cpu.paging()) this.pagingSeen = true;
    else if (this.pagingSeen) return 'the machine rebooted';
    if (cpu.haltedForever()) return 'the machine halted';
    return null;
  }

  private die(fallback: string): void {
    if (this.stopped) return;
    this.options.flush();
    const reason = this.hintReason ?? fallback;
    this.stop();
    this.options.onDead(reason);
  }

  private async confirm(): Promise<void> {
    if (this.confirming) return;
    this.confirming = true;
    try {
      for (let strikes = 0; this.hintReason !== null;) {
        if (this.poll()) return;
        const seen = this.hints;
        let idled = false;
        const sampler = setInterval(() => {
          if (this.options.cpu.idle()) idled = true;
        }, IDLE_SAMPLE_MS);
        const answered = await this.options.probe(this.options.probeMs).finally(() => clearInterval(sampler));
        if (this.poll()) return;
        if (answered || idled) {
          // A live kernel: the text was only text (or only the agent is stuck).
          // A newer hint gets a probe of its own.
          if (seen === this.hints) this.hintReason = null;
          strikes = 0;
          continue;
        }
        if (++strikes >= STRIKES) {
          this.die('the kernel stopped responding');
          return;
        }
      }
    } finally {
      this.confirming = false;
    }
  }
}
