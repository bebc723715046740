/**
 * A NodePort seen from outside the cluster: a client on the nodes' LAN opens
 * connections to the same port of every node, and each must be answered by
 * one of the Service's endpoints, wherever it runs. What a node does with
 * such a connection is read from its rules (DNAT on the way in, iptables or
 * nft, or an IPVS virtual server on the node's address) only to explain a
 * failure: the live `http` probes decide.
 */
import {destNatRules} from './dnat';
import {fail, pass, type CheckOutcome} from './exercise';
import {natStatus} from './nat';
import type {HttpResponse} from './model';
import type {ProbeDecl} from './probes';
import type {Query} from './query';

export interface NodePortNode {
  name: string;
  ip: string;
  /** The node's interface on the LAN (where the client's packets arrive). */
  dev: string;
}

export interface NodePortEndpoint {
  pod: string;
  ip: string;
  port: number;
  node: string;
}

export interface NodePortService {
  name: string;
  client: {name: string; ip: string};
  nodePort: number;
  nodes: NodePortNode[];
  endpoints: NodePortEndpoint[];
  /** Connections per node (each a failed one costs about a second). */
  count: number;
}

export const probeId = (s: NodePortService, node: string) => `${s.client.name}-to-${node}`;

/** One http probe per node, from the client to the node's address and NodePort. */
export function nodePortProbes(s: NodePortService): ProbeDecl[] {
  return s.nodes.map((n) => ({
    id: probeId(s, n.name),
    kind: 'http' as const,
    from: s.client.name,
    to: n.ip,
    port: s.nodePort,
    path: '/',
    count: s.count,
  }));
}

/** Where a node sends NodePort connections: DNAT rules on the way in and IPVS destinations. */
export interface Target {
  to: string;
  port: number | undefined;
  text: string;
}

/**
 * The rule matches a destination port, and never this one (destNatRules does not evaluate ports): a node's
 * other DNATs, such as a DNS way in on port 53, are no answer to where NodePort connections go.
 */
function otherPort(text: string, port: number): boolean {
  const ports = [...text.matchAll(/\bdport[ =]+(\d+)\b/g)].map((m) => Number(m[1]));
  return ports.length > 0 && !ports.includes(port);
}

export function targets(q: Query, s: NodePortService, n: NodePortNode): {input: Target[]; output: Target[]} {
  const ns = q.ns(n.name);
  if (!ns) return {input: [], output: []};
  const rules = destNatRules(ns, {src: s.client.ip, dst: n.ip, iif: n.dev, oif: n.dev});
  const pick = (hook: 'in' | 'out') =>
    rules
      .filter((r) => (hook === 'out' ? r.hook === 'output' : r.hook !== 'output'))
      .filter((r) => r.match.m !== false && !otherPort(r.text, s.nodePort))
      .map((r) => ({to: r.to, port: r.port, text: `${r.tool}: ${r.text}`}));
  const ipvs = (ns.ipvs ?? [])
    .filter((v) => v.port === s.nodePort && (v.address === n.ip || v.address === '0.0.0.0'))
    .flatMap((v) =>
      v.destinations.map((d) => ({
        to: d.address,
        port: d.port,
        text: `IPVS ${v.address}:${v.port} -> ${d.address}:${d.port}`,
      })),
    );
  return {input: [...pick('in'), ...ipvs], output: pick('out')};
}

const fromPod = (s: NodePortService, r: HttpResponse) =>
  r.status !== null && s.endpoints.some((e) => r.body.trim() === e.pod);
const refused = (r: HttpResponse) => r.status === null && /refused/i.test(r.error ?? r.body);
const hung = (r: HttpResponse) => r.status === null && !refused(r);
const list = (ts: Target[]) => ts.map((t) => t.text).join(' | ');

/** Every connection from the client to this node's NodePort is answered by an endpoint. */
export function fetchCheck(q: Query, s: NodePortService, node: string): CheckOutcome {
  const n = s.nodes.find((x) => x.name === node);
  if (!n) throw new Error(`unknown node ${node}`);
  const rs = q.probe(probeId(s, node))?.responses ?? [];
  if (rs.length === 0) return fail(`The probe from ${s.client.name} to ${n.ip}:${s.nodePort} did not run.`);
  const bad = rs.filter((r) => !fromPod(s, r));
  if (bad.length === 0) return pass();
  const head = `${bad.length} of ${rs.length} connections from ${s.client.name} to ${n.ip}:${s.nodePort} got no page from a Pod`;
  const {input, output} = targets(q, s, n);
  const others = s.nodes.filter((o) => o !== n && targets(q, s, o).input.length > 0).map((o) => o.name);
  if (bad.every(refused)) {
    if (input.length === 0 && output.length > 0) {
      return fail(
        `${head}: refused. ${node}'s only DNAT rules are on the OUTPUT hook, which sees connections the node opens ` +
          `itself (a curl on the node works); ${s.client.name}'s packets arrive on ${n.dev} and pass PREROUTING. Rules: ${list(output)}.`,
      );
    }
    if (input.length === 0) {
      return fail(
        `${head}: refused. ${node} itself answered them (a TCP reset), since nothing there sends port ${s.nodePort} on: ` +
          `no DNAT rule or IPVS service for it.${others.length ? ` ${others.join(', ')} has them;` : ''} A NodePort opens on every node, ` +
          `whether or not an endpoint runs there: kube-proxy writes the same rules on each.`,
      );
    }
    const wrong = input.filter((t) => s.endpoints.some((e) => e.ip === t.to) && t.port !== s.endpoints[0].port);
    if (wrong.length > 0) {
      return fail(
        `${head}: the Pods refused them. ${node} sends them to ${wrong.map((t) => `${t.to}:${t.port ?? s.nodePort}`).join(', ')}, ` +
          `but the endpoints listen on port ${s.endpoints[0].port} (the Service's targetPort; 80 is its port on the ClusterIP). Rules: ${list(wrong)}.`,
      );
    }
    return fail(`${head}: refused. Where ${node} sends them: ${list(input)}.`);
  }
  const other = bad.filter((r) => r.status !== null);
  if (other.length > 0) {
    return fail(
      `${head}: an answer came (status ${other[0].status}, "${other[0].body.trim().slice(0, 40)}") that is not one of ` +
        `${s.endpoints.map((e) => e.pod).join(', ')}'s pages.`,
    );
  }
  return fail(
    `${head}: ${bad.filter(hung).length} got no answer at all (see the check on connections handed to the other node).` +
      (input.length ? ` Where ${node} sends them: ${list(input)}.` : ''),
  );
}

/**
 * A node that forwards a NodePort connection to an endpoint on another node
 * rewrites its source (externalTrafficPolicy: Cluster), or sends only to its
 * own endpoints (Local). Without either, the remote endpoint answers the client
 * directly from its Pod address and the client drops what it never asked for.
 */
export function crossNodeSnatCheck(q: Query, s: NodePortService): CheckOutcome {
  const problems: string[] = [];
  for (const n of s.nodes) {
    const rs = q.probe(probeId(s, n.name))?.responses ?? [];
    const h = rs.filter(hung);
    if (h.length === 0) continue;
    const remote = s.endpoints.filter((e) => e.node !== n.name);
    const {input} = targets(q, s, n);
    // A map (nft numgen) hides its addresses: "?" may be a remote endpoint.
    const sent = remote.filter((e) => input.some((t) => t.to === e.ip || t.to === '?'));
    const unNatted = sent.filter(
      (e) => natStatus(q.sourceNat({src: s.client.ip, dst: e.ip, iif: n.dev, oif: n.dev}, n.name)) !== 'matches',
    );
    if (sent.length === 0 || unNatted.length === 0) {
      problems.push(`${h.length} of ${rs.length} connections to ${n.ip}:${s.nodePort} got no answer.`);
      continue;
    }
    const e = unNatted[0];
    problems.push(
      `${h.length} of ${rs.length} connections to ${n.name} (${n.ip}:${s.nodePort}) hung: ${n.name} sends some to ` +
        `${e.pod} (${e.ip}) on ${e.node} with ${s.client.name}'s address still as the source, so ${e.pod} answers ` +
        `${s.client.ip} directly through ${e.node}, from ${e.ip}:${e.port}: ${s.client.name} talked to ${n.ip}:${s.nodePort} ` +
        `and drops it.`,
    );
  }
  if (problems.length === 0) return pass();
  return fail(
    `${problems.join(' ')} With externalTrafficPolicy Cluster, a node masquerades what it forwards to another node ` +
      `(kube-proxy: KUBE-MARK-MASQ, then MASQUERADE in KUBE-POSTROUTING) so the reply comes back through it to be ` +
      `un-DNATed; with Local, it sends only to its own endpoints and keeps the client's address.`,
  );
}

/**
 * The client is still outside the cluster: it has its address and no route to
 * any of the Pods (with one, it could skip the way in a lab is about).
 */
export function outsideCheck(q: Query, client: {name: string; ip: string}, podIps: readonly string[]): CheckOutcome {
  if (!q.findAddress(client.ip, client.name)) {
    return fail(`${client.name} no longer has ${client.ip} (start the lab again).`);
  }
  const r = podIps.map((ip) => q.routeLookup(ip, client.name)).find((x) => x);
  if (r)
    return fail(`${client.name} has a route to the Pods (${r.dst}); a client outside the cluster has none. Remove it.`);
  return pass();
}
