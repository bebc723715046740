/**
 * The image's offline set (images/offline-set.sh, traced in a restored VM)
 * lacks what the guest did not fetch while it was traced: files already in the
 * saved state's page cache (ls, cat, grep...), which a long session evicts, and
 * commands nobody ran (most of /etc). With the network gone, the learner's next
 * `grep` then waits on a root file that cannot arrive, and the lab stops.
 * When a lab starts online, the page drops the guest's page cache and runs
 * everyday commands once through the control channel: every file read again
 * passes through the offline worker, which caches it.
 * (The lasting fix is tracing the snapshot's own reads at the next image change.)
 */
import type {ExecVm} from './types';

/** Commands a learner types in the pilot and later chapters, beyond the traced set. */
export const EVERYDAY_TOOLS = [
  // coreutils and the shell's usual company
  ...['ls', 'cat', 'cp', 'mv', 'rm', 'mkdir', 'rmdir', 'touch', 'ln', 'chmod', 'chown', 'stat', 'readlink'],
  ...['head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr', 'tee', 'seq', 'env', 'id', 'uname', 'df', 'du'],
  ...['date', 'sleep', 'basename', 'dirname', 'md5sum', 'sha256sum', 'diff', 'grep', 'sed', 'xargs', 'which'],
  ...['kill', 'pkill', 'pgrep', 'ps', 'free', 'dmesg', 'hostname', 'sync', 'mktemp', 'base64', 'more'],
  // network tools without heavy libraries ('tool -flag': a flag that prints and exits, never a query).
  // Not dig, host or curl: their libraries (ICU, BIND, TLS) weigh about 15 MB; and not ipvsadm, whose
  // first run loads the ip_vs module, changing the machine the learner is about to grade.
  ...['traceroute', 'tracepath -V', 'nstat -V', 'lsof -v'],
] as const;

/** One script: each tool that exists starts once (its binary and libraries are read); none may fail it. */
export function warmScript(tools: readonly string[] = EVERYDAY_TOOLS, dropCaches = true): string {
  // What matters is the exec (the guest reads the binary and its libraries), not the output: a tool
  // without its own flag gets --version, harmless in every one listed. Missing tools are skipped.
  const lines = tools.map((entry) => {
    const [tool, flag = '--version'] = entry.split(' ');
    return `command -v ${tool} >/dev/null 2>&1 && ${tool} ${flag} </dev/null >/dev/null 2>&1`;
  });
  // /etc is what the chapters cat and edit (resolv.conf, hosts, dnsmasq.conf...): about 100 small files.
  // Dropped first, the page cache refills through the worker: no file stays that only the network has.
  const drop = dropCaches ? ['sync; echo 3 >/proc/sys/vm/drop_caches 2>/dev/null'] : [];
  return [
    ...drop,
    ...lines,
    'ls / >/dev/null',
    'find /etc -xdev -type f -size -256k -exec cat {} + >/dev/null 2>&1',
    'true',
  ].join('\n');
}

export async function warmEverydayTools(vm: ExecVm): Promise<void> {
  const r = await vm.exec(warmScript(), {timeoutMs: 60_000});
  if (r.exitCode !== 0) throw new Error(`the everyday tools did not run: ${r.stderr.trim() || `exit ${r.exitCode}`}`);
}
