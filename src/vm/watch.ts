/**
 * Watches the console (ttyS0, where the kernel prints) for the machine
 * going away: a panic, a power-off or a reboot. The kernel prints these at
 * emergency level, so a learner's `dmesg -n 1` cannot hide them.
 */
const FATAL: Array<[RegExp, string]> = [
  [/Kernel panic - not syncing[^\r\n]*/, "kernel panic"],
  [/reboot: Power down/, "the machine was powered off"],
  [/reboot: System halted/, "the machine was halted"],
  [/reboot: Restarting system/, "the machine was rebooted"],
];

export class TerminalWatch {
  private tail = "";
  constructor(private readonly onFatal: (reason: string) => void) {}

  feed(data: Uint8Array): void {
    this.tail = (this.tail + new TextDecoder().decode(data)).slice(-400);
    for (const [re, reason] of FATAL) {
      const m = re.exec(this.tail);
      if (m) {
        this.tail = "";
        this.onFatal(reason === "kernel panic" ? m[0].trim() : reason);
        return;
      }
    }
  }
}
