/**
 * Reading and writing the VM's files over the control channel (exec), for the
 * lab's Files tab. Each operation is one bash script run by the agent, so it
 * costs one round trip. Bytes come back raw (the channel frames replies by
 * length) and go in as base64 inside a single-quoted word, so no file content
 * and no path can break the script's quoting.
 *
 * A save never truncates the original: the new bytes go to a temp file in the
 * same directory, which is fsynced, given the original's mode and owner, and
 * renamed over it. A failure at any step removes the temp file and leaves the
 * original as it was.
 */
import {readScript, shellQuote, writeScript} from './fileScripts';
import type {ExecVm} from './types';

/** Larger files are refused: Monaco and the channel cope, a learner's config never needs it. */
export const MAX_FILE_BYTES = 1024 * 1024;
const TIMEOUT_MS = 60_000;

export type FileErrorCode =
  | 'bad-path'
  | 'is-dir'
  | 'no-dir'
  | 'not-regular'
  | 'denied'
  | 'too-big'
  | 'binary'
  | 'read-only'
  | 'virtual'
  | 'no-space'
  | 'changed'
  | 'failed';

/** A problem a learner can act on; `message` is the sentence to show. */
export class FileError extends Error {
  constructor(
    readonly code: FileErrorCode,
    message: string,
    /** For no-dir: the directory that is missing. */
    readonly dir?: string,
  ) {
    super(message);
    this.name = 'FileError';
  }
}

export interface OpenedFile {
  /** The path asked for. */
  path: string;
  /** Where the bytes live (symlinks resolved); saves go there. */
  realPath: string;
  text: string;
  /** The file does not exist yet: saving creates it. */
  isNew: boolean;
  /** Why a save cannot work (a read-only or kernel filesystem), or null. */
  readOnly: string | null;
  /** Inode, size and mtime at open; a save refuses if the file changed since. */
  version: string;
}

export interface SaveOptions {
  /** From OpenedFile.version; '' for a new file. Omit to overwrite whatever is there. */
  expectVersion?: string;
}

/** Only absolute paths; a newline or NUL could not name a file the scripts handle. */
export function checkPath(path: string): string {
  const p = path.trim();
  if (!p.startsWith('/')) throw new FileError('bad-path', `Give an absolute path, starting with /: ${p || '(empty)'}.`);
  if (/[\0\n\r]/.test(p)) throw new FileError('bad-path', 'A path cannot contain a line break or a NUL byte.');
  if (p.length > 4096) throw new FileError('bad-path', 'That path is longer than Linux allows (4096 bytes).');
  if (p.endsWith('/') && p !== '/') return checkPath(p.replace(/\/+$/, ''));
  return p;
}

/** UTF-8 text or null: a NUL byte or an invalid sequence means binary. */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    // ignoreBOM keeps a byte-order mark in the text, so saving writes it back.
    return new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes);
  } catch {
    return null;
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode(...bytes) overflows the stack on a large file.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The read script's reply: a status line, the real path, then the file's bytes. */
export function parseRead(path: string, stdout: Uint8Array): OpenedFile {
  const nl1 = stdout.indexOf(10);
  const nl2 = nl1 < 0 ? -1 : stdout.indexOf(10, nl1 + 1);
  if (nl2 < 0) throw new FileError('failed', `Opening ${path} failed: the VM sent no answer.`);
  const head = new TextDecoder().decode(stdout.subarray(0, nl1)).split(' ');
  const realPath = new TextDecoder().decode(stdout.subarray(nl1 + 1, nl2)) || path;
  if (head[0] === 'ERR') throw problem(head[1], path, head.slice(2).join(' '));
  const [status, kind, access, version = ''] = head;
  const readOnly = readOnlyReason(kind, access, realPath);
  if (status === 'NEW') return {path, realPath, text: '', isNew: true, readOnly, version: ''};
  if (status !== 'OK') throw new FileError('failed', `Opening ${path} failed: unexpected answer ${head.join(' ')}.`);
  const bytes = stdout.subarray(nl2 + 1);
  if (bytes.length > MAX_FILE_BYTES) throw problem('big', path, `more than ${MAX_FILE_BYTES}`);
  const text = decodeText(bytes);
  if (text === null) throw problem('binary', path, '');
  return {path, realPath, text, isNew: false, readOnly, version};
}

function readOnlyReason(kind: string, access: string, realPath: string): string | null {
  if (kind === 'kernel') {
    return (
      `${realPath} is a kernel interface, not a file on disk: the editor can show it but not save it. ` +
      'Change it from the terminal, e.g. with sysctl -w or echo VALUE > FILE.'
    );
  }
  if (access === 'ro') return `${realPath} is on a read-only filesystem or directory: you can read it but not save it.`;
  return null;
}

/** The write script's reply: "OK <new version>" or "ERR <code> <detail>". */
export function parseWrite(path: string, stdout: Uint8Array): string {
  const line = new TextDecoder().decode(stdout).split('\n')[0];
  const [status, code = '', ...rest] = line.split(' ');
  if (status === 'OK') return code;
  if (status === 'ERR') throw problem(code, path, rest.join(' '));
  throw new FileError('failed', `Saving ${path} failed: the VM sent no answer.`);
}

/** Turns a script's error code and the tool's own message into a sentence for the learner. */
export function problem(code: string, path: string, detail: string): FileError {
  const why = detail.replace(/^[\w.-]+: /, '').trim();
  const kept = ' The file in the VM was not changed.';
  if (code === 'write' || code === 'create' || code === 'rename') {
    if (/read-only file system/i.test(why))
      return new FileError('read-only', `Cannot save ${path}: its filesystem is read-only.${kept}`);
    if (/no space left/i.test(why))
      return new FileError('no-space', `Cannot save ${path}: the filesystem is full.${kept}`);
    if (/permission denied|operation not permitted/i.test(why))
      return new FileError('denied', `Cannot save ${path}: permission denied (${why}).${kept}`);
    return new FileError('failed', `Saving ${path} failed: ${why || 'unknown error'}.${kept}`);
  }
  switch (code) {
    case 'isdir':
      return new FileError('is-dir', `${path} is a directory; give the path of a file in it.`);
    case 'nodir':
      return new FileError('no-dir', `The directory ${why} does not exist; create it first (mkdir -p).`, why);
    case 'special':
      return new FileError(
        'not-regular',
        `${path} is not a regular file (a device, socket or pipe); it cannot be edited.`,
      );
    case 'denied':
      return new FileError('denied', `Permission denied: ${path} cannot be read.`);
    case 'big':
      return new FileError('too-big', `${path} is too large to edit here (${why} bytes; the limit is 1 MB).`);
    case 'binary':
      return new FileError('binary', `${path} is a binary file (or not UTF-8 text); the editor only opens text files.`);
    case 'virtual':
      return new FileError(
        'virtual',
        `${path} is a kernel interface, not a file on disk: it cannot be saved. Use sysctl -w or echo in the terminal.`,
      );
    case 'changed':
      return new FileError(
        'changed',
        `${path} changed in the VM since you opened it (a command in the terminal?). Open it again to see the new text, or save again to overwrite it.`,
      );
    case 'deleted':
      return new FileError('changed', `${path} was deleted in the VM since you opened it; save again to create it.`);
    default:
      return new FileError('failed', `${path}: ${why || code || 'unknown error'}.`);
  }
}

export async function readVmFile(vm: ExecVm, path: string): Promise<OpenedFile> {
  const p = checkPath(path);
  const r = await vm.exec(readScript(p, MAX_FILE_BYTES), {timeoutMs: TIMEOUT_MS});
  if (r.exitCode !== 0)
    throw new FileError('failed', `Opening ${p} failed: ${r.stderr.trim() || `exit ${r.exitCode}`}.`);
  return parseRead(p, r.stdoutBytes);
}

/** mkdir -p, for the editor's "Create the directory" (a missing /etc/netns/NAME is common). */
export async function makeVmDir(vm: ExecVm, dir: string): Promise<void> {
  const d = checkPath(dir);
  const r = await vm.exec(`mkdir -p -- ${shellQuote(d)}`, {timeoutMs: TIMEOUT_MS});
  if (r.exitCode !== 0)
    throw new FileError('failed', `Could not create ${d}: ${r.stderr.trim().replace(/^mkdir: /, '')}.`);
}

/** Saves `text` to `path` (atomically); resolves to the file's new version. */
export async function writeVmFile(vm: ExecVm, path: string, text: string, options: SaveOptions = {}): Promise<string> {
  const p = checkPath(path);
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > MAX_FILE_BYTES) throw problem('big', p, String(bytes.length));
  const script = writeScript(p, toBase64(bytes), options.expectVersion ?? '-');
  const r = await vm.exec(script, {timeoutMs: TIMEOUT_MS});
  if (r.exitCode !== 0)
    throw new FileError('failed', `Saving ${p} failed: ${r.stderr.trim() || `exit ${r.exitCode}`}.`);
  return parseWrite(p, r.stdoutBytes);
}

/**
 * Runs the read, write and mkdir scripts once on a scratch file (through a
 * symlink, as a save to /etc/resolv.conf would), then removes it. The tools
 * they start (stat, readlink, head, mv, chmod, sync...) are not all in the
 * image's offline set: run once while online, their root files pass through
 * the offline worker, so the Files tab still works with the network gone.
 */
export async function warmFileTools(vm: ExecVm): Promise<void> {
  const dir = `/tmp/.netlab-files-${Date.now()}`;
  const q = shellQuote(dir);
  // Subshells: the read script ends with exec, the scripts exit early on an error.
  const script = [
    // chown too, which a save runs only for a file not owned by root.
    `mkdir -p -- ${q} && chown 0:0 -- ${q} && ln -s f ${q}/l || exit 1`,
    `w=$( ( ${writeScript(`${dir}/l`, toBase64(new TextEncoder().encode('x\n')), '-')} ) )`,
    `r=$( ( ${readScript(`${dir}/l`, MAX_FILE_BYTES)} ) )`,
    `rm -rf -- ${q}`,
    'case $w$r in OK*OK*) ;; *) printf "%s\\n" "$w" "$r" >&2; exit 1 ;; esac',
  ].join('\n');
  const r = await vm.exec(script, {timeoutMs: TIMEOUT_MS});
  if (r.exitCode !== 0) throw new Error(`the file tools did not run: ${r.stderr.trim() || `exit ${r.exitCode}`}`);
}
