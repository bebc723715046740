/**
 * Open vSwitch configuration as `ovs-vsctl --format=json` prints it: one JSON
 * table per command, one line each, here `list Port`, `list Bridge` and
 * `list Interface`. Cells are OVSDB atoms (strings, numbers, booleans) or
 * `["set", [...]]`, `["map", [[k, v]...]]` and `["uuid", "..."]`; a set of
 * exactly one element is printed as the bare element, an empty optional
 * column (a port's tag) as `["set", []]`.
 */
import {z} from 'zod';
import type {ParseOutcome} from '../sections';

export const OvsPortSchema = z.object({
  name: z.string(),
  /** The bridge whose `ports` column holds this port. */
  bridge: z.string().optional(),
  /** The access VLAN (or native VLAN of a native-* trunk); undefined: no tag. */
  tag: z.number().int().optional(),
  /** VLANs a trunk port carries; empty means every VLAN when the port has no tag. */
  trunks: z.array(z.number().int()),
  /** access, trunk, native-tagged, native-untagged, dot1q-tunnel; undefined: decided by tag and trunks. */
  vlanMode: z.string().optional(),
  interfaces: z.array(z.string()),
});
export type OvsPort = z.infer<typeof OvsPortSchema>;

export const OvsInterfaceSchema = z.object({
  name: z.string(),
  /** "" for a system (kernel) device, else internal, vxlan, geneve, patch... */
  type: z.string(),
  options: z.record(z.string(), z.string()),
  ofport: z.number().int().optional(),
  adminState: z.string().optional(),
  linkState: z.string().optional(),
  /** Why vswitchd could not add it, e.g. "could not open network device veth9 (No such device)". */
  error: z.string().optional(),
});
export type OvsInterface = z.infer<typeof OvsInterfaceSchema>;

export const OvsStateSchema = z.object({
  bridges: z.array(z.object({name: z.string(), ports: z.array(z.string())})),
  ports: z.array(OvsPortSchema),
  interfaces: z.array(OvsInterfaceSchema),
});
export type OvsState = z.infer<typeof OvsStateSchema>;

const Table = z.object({headings: z.array(z.string()), data: z.array(z.array(z.unknown()))});
type Row = Record<string, unknown>;

const isPair = (v: unknown, tag: string): v is [string, unknown] => Array.isArray(v) && v.length === 2 && v[0] === tag;

/** The elements of a set column (a bare atom is a set of one). */
function setOf(v: unknown): unknown[] {
  return isPair(v, 'set') && Array.isArray(v[1]) ? v[1] : [v];
}

/** A uuid atom's value, or the atom itself. */
const atom = (v: unknown): unknown => (isPair(v, 'uuid') ? v[1] : v);

function optional<T>(v: unknown, guard: (x: unknown) => x is T): T | undefined {
  const s = setOf(v).map(atom);
  return s.length === 1 && guard(s[0]) ? s[0] : undefined;
}

const isString = (x: unknown): x is string => typeof x === 'string';
const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

function mapOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isPair(v, 'map') || !Array.isArray(v[1])) return out;
  for (const kv of v[1]) if (Array.isArray(kv) && isString(kv[0])) out[kv[0]] = String(kv[1]);
  return out;
}

function rows(line: string, what: string): ParseOutcome<Row[]> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (e) {
    return {ok: false, error: `ovs-vsctl: ${what} is not JSON (${(e as Error).message})`};
  }
  const t = Table.safeParse(json);
  if (!t.success) return {ok: false, error: `ovs-vsctl: ${what} is not an OVSDB table`};
  const {headings, data} = t.data;
  return {ok: true, value: data.map((r) => Object.fromEntries(headings.map((h, i) => [h, r[i]])))};
}

export function parseOvs(text: string): ParseOutcome<OvsState> {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== 3)
    return {ok: false, error: `ovs-vsctl: expected 3 tables (Port, Bridge, Interface), got ${lines.length}`};
  const [p, b, i] = [rows(lines[0], 'list Port'), rows(lines[1], 'list Bridge'), rows(lines[2], 'list Interface')];
  if (!p.ok) return p;
  if (!b.ok) return b;
  if (!i.ok) return i;

  // Rows point at each other by uuid; the state names them instead.
  const ifName = new Map(i.value.map((r) => [atom(r._uuid), String(r.name)]));
  const portName = new Map(p.value.map((r) => [atom(r._uuid), String(r.name)]));
  const bridges = b.value.map((r) => ({
    name: String(r.name),
    ports: setOf(r.ports)
      .map((u) => portName.get(atom(u)))
      .filter(isString)
      .sort(),
  }));
  const bridgeOf = new Map(bridges.flatMap((br) => br.ports.map((port) => [port, br.name] as const)));
  const ports: OvsPort[] = p.value.map((r) => {
    const name = String(r.name);
    return {
      name,
      bridge: bridgeOf.get(name),
      tag: optional(r.tag, isInt),
      trunks: setOf(r.trunks).filter(isInt),
      vlanMode: optional(r.vlan_mode, isString),
      interfaces: setOf(r.interfaces)
        .map((u) => ifName.get(atom(u)))
        .filter(isString),
    };
  });
  const interfaces: OvsInterface[] = i.value.map((r) => ({
    name: String(r.name),
    type: typeof r.type === 'string' ? r.type : '',
    options: mapOf(r.options),
    ofport: optional(r.ofport, isInt),
    adminState: optional(r.admin_state, isString),
    linkState: optional(r.link_state, isString),
    error: optional(r.error, isString),
  }));
  const byName = (a: {name: string}, c: {name: string}) => a.name.localeCompare(c.name);
  return {
    ok: true,
    value: {bridges: bridges.sort(byName), ports: ports.sort(byName), interfaces: interfaces.sort(byName)},
  };
}
