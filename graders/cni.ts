/**
 * Reading a CNI network configuration and a plugin's answers the way a
 * runtime does, for the CNI labs. The config text comes from the `cni`
 * probe (the node's first file in /etc/cni/net.d); plugin outputs are a
 * result or an error object ({code, msg, details}) on stdout.
 */

export interface IpamRange {
  subnet: string;
  rangeStart?: string;
  rangeEnd?: string;
}

export interface CniConfig {
  name?: string;
  /** True for a .conflist (a "plugins" array), false for a single plugin. */
  list: boolean;
  /** The plugin types in the order a runtime calls them on ADD. */
  types: string[];
  /** The first `bridge` plugin of the config, if any. */
  bridge?: {
    /** The bridge name the plugin uses: "cni0" when the key is left out, as the plugin defaults. */
    name: string;
    isGateway: boolean;
    ipamType?: string;
    ranges: IpamRange[];
    /** Route destinations host-local gives the Pod. */
    routes: string[];
    dataDir?: string;
  };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** host-local takes `ranges` (a list of range sets, each a list of ranges) or the older single `subnet`. */
function ranges(ipam: Json): IpamRange[] {
  const one = (r: unknown): IpamRange[] => {
    if (!isObject(r) || str(r.subnet) === undefined) return [];
    return [{subnet: String(r.subnet), rangeStart: str(r.rangeStart), rangeEnd: str(r.rangeEnd)}];
  };
  if (Array.isArray(ipam.ranges)) {
    return ipam.ranges.flatMap((set: unknown) => (Array.isArray(set) ? set.flatMap(one) : one(set)));
  }
  return one(ipam);
}

/** The config, or a string saying why it is not one a runtime can use. */
export function parseCniConfig(text: string): CniConfig | string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return `it is not valid JSON (${e instanceof Error ? e.message : String(e)})`;
  }
  if (!isObject(doc)) return 'it is not a JSON object';
  const list = Array.isArray(doc.plugins);
  const plugins = (list ? (doc.plugins as unknown[]) : [doc]).filter(isObject);
  const types = plugins.map((p) => str(p.type) ?? '?');
  const b = plugins.find((p) => p.type === 'bridge');
  const ipam = b && isObject(b.ipam) ? b.ipam : undefined;
  return {
    name: str(doc.name),
    list,
    types,
    bridge: b && {
      name: str(b.bridge) ?? 'cni0',
      isGateway: b.isGateway === true,
      ipamType: ipam && str(ipam.type),
      ranges: ipam ? ranges(ipam) : [],
      routes:
        ipam && Array.isArray(ipam.routes) ? ipam.routes.flatMap((r) => (isObject(r) ? (str(r.dst) ?? []) : [])) : [],
      dataDir: ipam && str(ipam.dataDir),
    },
  };
}

/** A plugin's error object as one line ("code 999: msg (details)"), or the raw text when it is not one. */
export function pluginError(output: string): string {
  try {
    const e: unknown = JSON.parse(output);
    if (isObject(e) && str(e.msg) !== undefined) {
      const details = str(e.details);
      return `code ${String(e.code)}: ${String(e.msg)}${details ? ` (${details})` : ''}`;
    }
  } catch {
    // not JSON: a shell error, a crash, a timeout
  }
  const text = output.trim();
  return text === '' ? '(no output)' : text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** The IPv4 addresses (without prefix) an ADD result lists in "ips". */
export function resultAddresses(output: string): string[] {
  try {
    const r: unknown = JSON.parse(output);
    if (!isObject(r) || !Array.isArray(r.ips)) return [];
    return r.ips.flatMap((ip) => {
      const a = isObject(ip) ? str(ip.address) : undefined;
      return a && !a.includes(':') ? [a.split('/')[0] ?? a] : [];
    });
  } catch {
    return [];
  }
}
