/**
 * An ingress policy judged by what it lets through: live `http` probes of
 * flows that must pass (the allowed peer, the Pod's own outgoing connections)
 * and flows that must not (another Pod, another node, another port). Any
 * enforcement point counts (the node's forward hook, the Pod's input hook,
 * iptables or nft); the rules are read only to explain a failure.
 */
import {fail, pass, type CheckOutcome} from './exercise';
import type {HttpResponse} from './model';
import {nftRuleText} from './netfilter';
import type {ProbeDecl} from './probes';
import type {Query} from './query';

export interface Flow {
  /** http probe id. */
  probe: string;
  from: string;
  to: string;
  /** Who `to` is, as messages say it ("pod-b"). */
  toName: string;
  port: number;
  /** The page the server answers with. */
  body: string;
}

export const flowProbe = (f: Flow): ProbeDecl => ({
  id: f.probe,
  kind: 'http',
  from: f.from,
  to: f.to,
  port: f.port,
  path: '/',
  count: 1,
});

const responses = (q: Query, f: Flow): HttpResponse[] => q.probe(f.probe)?.responses ?? [];
const got = (q: Query, f: Flow) => responses(q, f).some((r) => r.status !== null && r.body.trim() === f.body);
const refused = (q: Query, f: Flow) =>
  responses(q, f).some((r) => r.status === null && /refused/i.test(r.error ?? r.body));

/** Every filter rule (iptables either backend, nft) in `namespaces`, as text. */
export function filterRules(q: Query, namespaces: string[]): {ns: string; text: string}[] {
  const out: {ns: string; text: string}[] = [];
  for (const name of namespaces) {
    const ns = q.ns(name);
    if (!ns) continue;
    for (const dump of [ns.iptables?.nft, ns.iptables?.legacy]) {
      for (const [table, t] of Object.entries(dump?.tables ?? {})) {
        if (table !== 'filter') continue;
        for (const r of t.rules) out.push({ns: name, text: r.line.replace(/^\[\d+:\d+\]\s*/, '')});
        for (const [chain, c] of Object.entries(t.chains)) {
          if (c.policy === 'DROP') out.push({ns: name, text: `-P ${chain} DROP`});
        }
      }
    }
    for (const r of ns.nft?.rules ?? []) {
      if (r.family === 'ip' && ns.iptables?.nft.tables[r.table]) continue;
      out.push({ns: name, text: `${r.family} ${r.table} ${r.chain}: ${nftRuleText(r)}`});
    }
  }
  return out;
}

const list = (rs: {ns: string; text: string}[]) => rs.map((r) => `${r.ns}: ${r.text}`).join(' | ');

export interface AllowedContext {
  /** Addresses a learner may confuse with the client's (its node's), and why they are wrong. */
  lookalikes: {ip: string; what: string}[];
  namespaces: string[];
}

/** A flow the policy must let through gets its page. */
export function allowedCheck(q: Query, f: Flow, why: string, ctx: AllowedContext): CheckOutcome {
  if (got(q, f)) return pass();
  const head = `${f.from}'s connection to ${f.toName} (${f.to}:${f.port}) ${refused(q, f) ? 'was refused' : 'got no answer'}`;
  const rules = filterRules(q, ctx.namespaces);
  const look = ctx.lookalikes.find((l) => rules.some((r) => r.text.includes(l.ip)));
  if (look) {
    return fail(
      `${head}. Your rules mention ${look.ip}, ${look.what}: ${why} Rules: ${list(rules.filter((r) => r.text.includes(look.ip)))}`,
    );
  }
  if (rules.length === 0) return fail(`${head}, and there is no filter rule anywhere: did the setup run?`);
  return fail(`${head}: ${why} Rules: ${list(rules)}`);
}

/** A flow the policy must stop does not get through. */
export function deniedCheck(q: Query, f: Flow, why: string): CheckOutcome {
  if (!got(q, f) && responses(q, f).length > 0) return pass();
  if (responses(q, f).length === 0) return fail(`The probe from ${f.from} to ${f.to}:${f.port} did not run.`);
  return fail(`${f.from} still gets ${f.toName}'s page from ${f.to}:${f.port}: ${why}`);
}
