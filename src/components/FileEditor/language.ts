/**
 * Which Monaco language highlights a VM file, from its name and, failing
 * that, its first line. Only the languages bundled in ./monaco.ts: a lab's
 * files are shell scripts, JSON (CNI configs), YAML (Kubernetes) and
 * key=value configs, for which the ini grammar (comments, sections, keys) fits.
 */
export type EditorLanguage = 'shell' | 'json' | 'yaml' | 'ini' | 'plaintext';

export const LANGUAGE_NAMES: Record<EditorLanguage, string> = {
  shell: 'Shell',
  json: 'JSON',
  yaml: 'YAML',
  ini: 'Config (ini)',
  plaintext: 'Plain text',
};

const BY_EXTENSION: Record<string, EditorLanguage> = {
  sh: 'shell',
  bash: 'shell',
  json: 'json',
  conflist: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  ini: 'ini',
  conf: 'ini',
  cfg: 'ini',
  cnf: 'ini',
  network: 'ini',
  netdev: 'ini',
  link: 'ini',
  service: 'ini',
  nft: 'shell',
  rules: 'shell',
};

/** Whole names, and files of these directories, that are key=value or shell-like configs. */
const BY_NAME: Record<string, EditorLanguage> = {
  'resolv.conf': 'ini',
  hosts: 'ini',
  interfaces: 'shell',
  '.bashrc': 'shell',
  '.profile': 'shell',
  '.bash_profile': 'shell',
  profile: 'shell',
  'sysctl.conf': 'ini',
  'nftables.conf': 'shell',
  'iptables.rules': 'shell',
};

export function languageFor(path: string, text = ''): EditorLanguage {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const fromName = BY_NAME[name];
  if (fromName) return fromName;
  const dot = name.lastIndexOf('.');
  const fromExt = dot > 0 ? BY_EXTENSION[name.slice(dot + 1)] : undefined;
  if (fromExt) return fromExt;
  const first = text.slice(0, 200).split('\n', 1)[0];
  if (/^#!.*\b(ba|da|z|k)?sh\b/.test(first) || /^#!.*\bnft\b/.test(first)) return 'shell';
  const start = text.trimStart();
  if (/^[{[]/.test(start) && isJson(start)) return 'json';
  if (/^(---|apiVersion:|kind:)/m.test(start.slice(0, 200))) return 'yaml';
  if (/^\s*\[[^\]\n]+\]\s*$/m.test(text.slice(0, 2000))) return 'ini';
  if (path.startsWith('/etc/')) return 'ini';
  return 'plaintext';
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    // A JSON file with a mistake in it is still JSON: the editor then shows where.
    return /^\{\s*"/.test(text);
  }
}
