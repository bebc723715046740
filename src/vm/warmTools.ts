/**
 * The image's offline set (images/offline-set.sh, traced in a restored VM)
 * lacks everyday commands the guest had not opened by the time it was traced:
 * ls, cat, cp and friends, and most of /etc. With the network gone, a learner's first `ls` would
 * wait on a root file that cannot arrive. When a lab starts online, the page
 * runs each of these once through the control channel, so the guest fetches
 * their files now and the offline worker caches them as they pass.
 * (The lasting fix is listing them in offline-set.sh at the next image change.)
 */
import type {ExecVm} from './types';

/** Commands a learner types in the pilot and later chapters, beyond the traced set. */
export const EVERYDAY_TOOLS = [
  // coreutils and the shell's usual company
  ...['ls', 'cat', 'cp', 'mv', 'rm', 'mkdir', 'rmdir', 'touch', 'ln', 'chmod', 'chown', 'stat', 'readlink'],
  ...['head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr', 'tee', 'seq', 'env', 'id', 'uname', 'df', 'du'],
  ...['date', 'sleep', 'basename', 'dirname', 'md5sum', 'sha256sum', 'diff', 'grep', 'sed', 'xargs', 'which'],
  ...['kill', 'pkill', 'pgrep', 'ps', 'free', 'dmesg', 'hostname', 'sync', 'mktemp', 'base64', 'more'],
  // network tools the later chapters lean on ('tool -flag': a flag that prints and exits, never a query)
  ...['curl', 'ipvsadm', 'traceroute', 'dig -h', 'host -V', 'tracepath -V', 'nstat -V', 'lsof -v'],
] as const;

/** One script: each tool that exists starts once (its binary and libraries are read); none may fail it. */
export function warmScript(tools: readonly string[] = EVERYDAY_TOOLS): string {
  // What matters is the exec (the guest reads the binary and its libraries), not the output: a tool
  // without its own flag gets --version, harmless in every one listed. Missing tools are skipped.
  const lines = tools.map((entry) => {
    const [tool, flag = '--version'] = entry.split(' ');
    return `command -v ${tool} >/dev/null 2>&1 && ${tool} ${flag} </dev/null >/dev/null 2>&1`;
  });
  // /etc is what the chapters cat and edit (resolv.conf, hosts, dnsmasq.conf...): about 100 small files.
  return [
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
