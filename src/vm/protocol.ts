/**
 * Framing of the control channel between the driver and the agent in the VM
 * (images/rootfs/usr/local/sbin/netlab-agent). Payloads are delimited by
 * lengths, never by markers, so no command output can be mistaken for a frame.
 */

const encoder = new TextEncoder();

export interface ExecRequest {
  id: number;
  script: string;
  timeoutMs: number;
  netns?: string;
}

export interface ExecReply {
  id: number;
  exitCode: number;
  stdout: Uint8Array;
  stderr: Uint8Array;
}

const NETNS_NAME = /^[A-Za-z0-9_.-]{1,32}$/;
/** The agent reads exactly this many header bytes before the payload. */
const HEADER_BYTES = 64;

export function encodeRequest(req: ExecRequest): Uint8Array {
  if (req.netns !== undefined && !NETNS_NAME.test(req.netns)) {
    throw new Error(`invalid network namespace name: ${JSON.stringify(req.netns)}`);
  }
  const body = encoder.encode(req.script);
  const ms = Math.max(100, Math.round(req.timeoutMs));
  const header = encoder.encode(
    `NLX1 ${req.id} ${ms} ${req.netns ?? '-'} ${body.length}`.padEnd(HEADER_BYTES - 1) + '\n',
  );
  const frame = new Uint8Array(header.length + body.length);
  frame.set(header);
  frame.set(body, header.length);
  return frame;
}

const HEADER = /^NLR1 (\d+) (\d+) (\d+) (\d+)$/;
const MAGIC = encoder.encode('\nNLR1 ');
const MAX_HEADER = 64;

/** Incremental parser: feed it chunks as they arrive, it calls back per reply. */
export class ReplyParser {
  private buf = new Uint8Array(0);

  constructor(private readonly onReply: (reply: ExecReply) => void) {}

  push(chunk: Uint8Array): void {
    const joined = new Uint8Array(this.buf.length + chunk.length);
    joined.set(this.buf);
    joined.set(chunk, this.buf.length);
    this.buf = joined;
    while (this.parseOne()) {
      // keep going while complete frames are buffered
    }
  }

  private parseOne(): boolean {
    const start = indexOf(this.buf, MAGIC);
    if (start < 0) {
      // Keep a tail that might be the start of a split magic sequence.
      this.buf = this.buf.slice(Math.max(0, this.buf.length - MAGIC.length + 1));
      return false;
    }
    const lineEnd = this.buf.indexOf(10, start + 1);
    if (lineEnd < 0) {
      if (this.buf.length - start > MAX_HEADER) this.buf = this.buf.slice(start + 1);
      return false;
    }
    const line = new TextDecoder().decode(this.buf.subarray(start + 1, lineEnd));
    const m = HEADER.exec(line);
    if (!m) {
      this.buf = this.buf.slice(start + 1);
      return true;
    }
    const outLen = Number(m[3]);
    const errLen = Number(m[4]);
    const bodyStart = lineEnd + 1;
    if (this.buf.length < bodyStart + outLen + errLen) return false;
    const stdout = this.buf.slice(bodyStart, bodyStart + outLen);
    const stderr = this.buf.slice(bodyStart + outLen, bodyStart + outLen + errLen);
    this.buf = this.buf.slice(bodyStart + outLen + errLen);
    this.onReply({id: Number(m[1]), exitCode: Number(m[2]), stdout, stderr});
    return true;
  }
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  for (
    let i = haystack.indexOf(first);
    i >= 0 && i <= haystack.length - needle.length;
    i = haystack.indexOf(first, i + 1)
  ) {
    let ok = true;
    for (let j = 1; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
  }
  return -1;
}
