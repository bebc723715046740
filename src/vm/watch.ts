/**
 * Reads the kernel console for the words a dying kernel prints. These are
 * hints only: anyone can print the same text (a learner's `echo` on the
 * console's terminal, or `/dev/kmsg`), so a hint makes the health watch look
 * at the machine itself, and gives the reason text if the machine is dead.
 */
const FATAL: Array<[RegExp, string]> = [
  // Up to the line's end, so a message split across two batches is read whole.
  [/Kernel panic - not syncing[^\r\n]*(?=[\r\n])/, ''],
  [/reboot: Power down/, 'the machine was powered off'],
  [/reboot: System halted/, 'the machine was halted'],
  [/reboot: Restarting system/, 'the machine was rebooted'],
];

const TAIL = 200;

export class ConsoleHints {
  private tail = '';
  private readonly decoder = new TextDecoder();

  constructor(private readonly onHint: (reason: string) => void) {}

  feed(data: Uint8Array): void {
    // The whole chunk is searched: a panic's stack trace, in the same chunk,
    // is longer than the tail kept for messages split across chunks.
    const text = this.tail + this.decoder.decode(data, {stream: true});
    this.tail = text.slice(-TAIL);
    for (const [re, reason] of FATAL) {
      const m = re.exec(text);
      if (m) {
        this.tail = '';
        // The panic's closing line repeats the message as "---[ end Kernel panic - … ]---".
        this.onHint(reason || m[0].replace(/ \]---$/, '').trim());
        return;
      }
    }
  }
}
