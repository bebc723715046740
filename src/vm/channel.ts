/**
 * The control channel of one machine: requests to the agent in the guest,
 * replies matched back to their callers. A new machine gets a new channel, so
 * a late reply from a thrown-away machine can never answer a new request.
 */
import {DEFAULT_EXEC_TIMEOUT_MS} from './config';
import {encodeRequest, ReplyParser, type ExecReply} from './protocol';
import {ExecTimeoutError, VmError, type ExecOptions, type ExecResult} from './types';

/** The guest side: may be absent until the emulator is loaded. */
export interface ControlPort {
  canReceive(): boolean;
  send(bytes: Uint8Array): void;
}

/** A request waiting to go out; `sent` chunks of it already have. */
interface Outgoing {
  id: number;
  chunks: Uint8Array[];
  sent: number;
}

interface Pending {
  resolve(reply: ExecReply): void;
  reject(error: Error): void;
}

/**
 * The virtio console drops input when the guest has no receive buffer posted
 * and truncates input longer than one buffer (a page): stay below it.
 */
const CONTROL_CHUNK = 4000;
const decoder = new TextDecoder();

export class ControlChannel {
  private pending = new Map<number, Pending>();
  private outbox: Outgoing[] = [];
  private pumpTimer: ReturnType<typeof setTimeout> | undefined;
  private nextId: number;
  private closedWith: Error | undefined;
  private port: ControlPort | undefined;
  private readonly parser: ReplyParser;
  private helloSeen = false;
  private helloWaiters: Array<() => void> = [];

  /**
   * @param firstId the first request id: a resumed machine's channel starts
   *   after the ids its agent may still answer from before the save.
   */
  constructor(firstId = 1) {
    this.nextId = firstId;
    this.parser = new ReplyParser((reply) => {
      if (reply.id === 0) {
        // The agent greets with id 0 when it starts (seen on a cold boot).
        this.helloSeen = true;
        this.helloWaiters.splice(0).forEach((w) => w());
        return;
      }
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      p?.resolve(reply);
    });
  }

  /** The emulator is loaded: queued requests can go out. */
  attach(port: ControlPort): void {
    this.port = port;
    this.pump();
  }

  receive(bytes: Uint8Array): void {
    if (!this.closedWith) this.parser.push(bytes);
  }

  /** Resolves when the agent says hello. */
  hello(): Promise<void> {
    return this.helloSeen ? Promise.resolve() : new Promise((resolve) => this.helloWaiters.push(resolve));
  }

  exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const id = this.nextId++;
    const timeoutMs = options.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    const frame = encodeRequest({id, script: command, timeoutMs, netns: options.netns});
    return new Promise<ExecResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        // Never sent (the guest posted no buffer yet, as early in a cold boot):
        // drop it, or knocks would pile up and flood the agent when it wakes.
        this.outbox = this.outbox.filter((o) => o.id !== id || o.sent > 0);
        reject(new ExecTimeoutError(`command did not finish within ${timeoutMs} ms: ${command.slice(0, 80)}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (reply) => {
          clearTimeout(timer);
          resolve({
            exitCode: reply.exitCode,
            stdout: decoder.decode(reply.stdout),
            stderr: decoder.decode(reply.stderr),
            stdoutBytes: reply.stdout,
          });
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < frame.length; i += CONTROL_CHUNK) chunks.push(frame.subarray(i, i + CONTROL_CHUNK));
      this.outbox.push({id, chunks, sent: 0});
      this.pump();
    });
  }

  /** The id the next request gets. */
  get nextRequestId(): number {
    return this.nextId;
  }

  /**
   * Resolves when no request is half sent, the only moment the guest's state
   * can be saved: a machine resumed from it would otherwise wait for the rest
   * of a request that never comes, and read the next one as its body.
   */
  async betweenRequests(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.outbox.some((o) => o.sent > 0)) {
      if (this.closedWith) throw this.closedWith;
      if (Date.now() > deadline) throw new VmError(`the control channel stayed busy for ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Rejects every pending and future request with `error`. */
  close(error: Error): void {
    this.closedWith ??= error;
    clearTimeout(this.pumpTimer);
    this.pumpTimer = undefined;
    this.outbox = [];
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  /** Feeds queued bytes to the guest as fast as it posts receive buffers. */
  private pump(): void {
    const port = this.port;
    if (this.pumpTimer !== undefined || !port || this.closedWith) return;
    while (this.outbox.length > 0 && port.canReceive()) {
      const head = this.outbox[0];
      const chunk = head?.chunks[head.sent];
      if (!head || !chunk) {
        this.outbox.shift();
        continue;
      }
      port.send(chunk);
      head.sent++;
      if (head.sent === head.chunks.length) this.outbox.shift();
    }
    if (this.outbox.length > 0) {
      this.pumpTimer = setTimeout(() => {
        this.pumpTimer = undefined;
        this.pump();
      }, 1);
    }
  }
}
