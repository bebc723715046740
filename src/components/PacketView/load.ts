/**
 * Reads a capture file out of the VM over the control channel (binary-safe
 * stdout) and decodes it. Every way this can go wrong comes back as a
 * sentence for the learner, never as a throw.
 */
import type {ExecVm} from '@site/src/vm/types';
import {CaptureError, readCapture} from '@site/src/packets';
import type {Capture} from '@site/src/packets/types';

/** Same cap as the graders' binaryFiles: a handshake or a few pings are a few KB. */
export const MAX_BYTES = 1 << 20;

export type Loaded = {ok: true; capture: Capture; truncated: boolean; bytes: number} | {ok: false; error: string};

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

// Exit codes of the read command, so the message can name the cause.
const NOT_FOUND = 3;
const A_DIRECTORY = 4;
const UNREADABLE = 5;

export async function loadCapture(vm: ExecVm, path: string): Promise<Loaded> {
  const p = path.trim();
  if (!p.startsWith('/'))
    return {
      ok: false,
      error: `Give the full path of the file, starting with "/" (for example ${'/root/capture.pcap'}).`,
    };
  const q = quote(p);
  const cmd =
    `if [ -d ${q} ]; then exit ${A_DIRECTORY}; fi; [ -e ${q} ] || exit ${NOT_FOUND}; ` +
    `[ -r ${q} ] || exit ${UNREADABLE}; head -c ${MAX_BYTES + 1} -- ${q}`;
  let r;
  try {
    r = await vm.exec(cmd, {timeoutMs: 15_000});
  } catch (e) {
    return {
      ok: false,
      error: `The VM did not answer (${(e as Error).message}). If it is busy, wait a moment; Reset lab gives you a fresh machine.`,
    };
  }
  if (r.exitCode === NOT_FOUND)
    return {
      ok: false,
      error: `There is no file ${p} in the VM. Save a capture there first, e.g. \`tcpdump -i eth0 -w ${p}\`.`,
    };
  if (r.exitCode === A_DIRECTORY)
    return {ok: false, error: `${p} is a directory; give the path of a capture file in it.`};
  if (r.exitCode === UNREADABLE) return {ok: false, error: `${p} is not readable.`};
  if (r.exitCode !== 0)
    return {ok: false, error: `Could not read ${p}: ${r.stderr.trim() || `exit code ${r.exitCode}`}.`};
  const raw = r.stdoutBytes;
  if (raw.length === 0) {
    return {
      ok: false,
      error:
        `${p} is empty. tcpdump buffers what it writes: stop it (Ctrl-C) before opening the file, ` +
        'or start it with -U to write each packet as it comes.',
    };
  }
  const truncated = raw.length > MAX_BYTES;
  const bytes = truncated ? raw.subarray(0, MAX_BYTES) : raw;
  try {
    return {ok: true, capture: readCapture(bytes), truncated, bytes: bytes.length};
  } catch (e) {
    if (e instanceof CaptureError) return {ok: false, error: e.message};
    return {ok: false, error: `The decoder failed on ${p}: ${(e as Error).message}`};
  }
}

/** Capture files a learner is likely to open, newest first. */
export async function listCaptures(vm: ExecVm): Promise<string[]> {
  try {
    const r = await vm.exec('ls -1t /root/*.pcap /root/*.pcapng /tmp/*.pcap /tmp/*.pcapng 2>/dev/null | head -n 12', {
      timeoutMs: 10_000,
    });
    return r.stdout.split('\n').filter((l) => l.startsWith('/'));
  } catch {
    return [];
  }
}
