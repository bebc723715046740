/**
 * The `cni` probe's output (graders/collector.sh probe_cni): a CNI ADD and
 * DEL the collector ran with the node's first network configuration, and the
 * host-local allocations before, between and after.
 */
import type {CniProbe, CniAlloc} from '../model';

const MARK = /^@@(config|ipam|before|add|after-add|del|after-del)(?: (.*))?$/;

function allocs(body: string): CniAlloc[] {
  return body
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => {
      const [ip = '', containerId = '', ifname = ''] = l.split('\t');
      return {ip, containerId, ifname};
    });
}

/** Null when the output has no @@config part (no configuration was found). */
export function parseCniProbe(output: string): CniProbe | null {
  const parts = new Map<string, {arg: string; body: string[]}>();
  let current: string[] | null = null;
  for (const line of output.split('\n')) {
    const m = MARK.exec(line);
    // A line of the config or a plugin's output that looks like a marker is
    // only taken as one the first time each name appears.
    if (m && m[1] !== undefined && !parts.has(m[1])) {
      current = [];
      parts.set(m[1], {arg: m[2] ?? '', body: current});
    } else current?.push(line);
  }
  const config = parts.get('config');
  if (!config) return null;
  const text = (name: string) => (parts.get(name)?.body ?? []).join('\n').trim();
  const rc = (name: string) => {
    const arg = parts.get(name)?.arg;
    return arg === undefined || arg === '' ? null : Number(arg);
  };
  return {
    configPath: config.arg,
    config: text('config'),
    dataDir: parts.get('ipam')?.arg || null,
    before: allocs(text('before')),
    add: {exitCode: rc('add'), output: text('add')},
    afterAdd: allocs(text('after-add')),
    del: {exitCode: rc('del'), output: text('del')},
    afterDel: allocs(text('after-del')),
  };
}
