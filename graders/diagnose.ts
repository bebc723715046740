/**
 * Why would a flow through a router fail? Pure functions of a NetState that
 * checks call once a live probe has failed, so the message names the real
 * cause (forwarding off on one side, a FORWARD drop, reverse-path filtering,
 * a missing route) instead of a guess. Each finding says which direction it
 * breaks: a one-way probe only cares about the request.
 */
import type {NetState, Route} from './model';
import {forwardFilter} from './filter';
import {nsLabel, Query} from './query';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface Flow {
  /** The namespace that routes (or answers); undefined is the root namespace. */
  router?: string;
  /** Source address of the client's packets as they arrive at the router. */
  client: string;
  /** Destination address; the router's own address for a ping to the gateway. */
  server: string;
  /** Router interface the client's packets arrive on. */
  iif: string;
  /** Names for messages, e.g. "lan" and "wan". */
  clientName: string;
  serverName: string;
}

export type Cause = 'forwarding' | 'forward-drop' | 'rp-filter' | 'no-route' | 'no-route-back';
export interface Diagnosis {
  direction: 'request' | 'reply';
  cause: Cause;
  message: string;
}

/** unreachable, blackhole and prohibit routes are found by a lookup but deliver nothing. */
const usable = (r: Route | undefined): boolean => r !== undefined && (r.type === 'unicast' || r.type === 'local');

/** The rp_filter mode in force on `dev`: the kernel uses the larger of conf.all and conf.<dev>. */
export function rpFilterMode(q: Query, dev: string, ns?: string): number {
  const v = (k: string) => Number(q.sysctl(`net.ipv4.conf.${k}.rp_filter`, ns) ?? '0') || 0;
  return Math.max(v('all'), v(dev));
}

/**
 * Reverse-path filtering of a packet from `src` arriving on `dev`: strict
 * (1) drops it unless the route back to `src` leaves through `dev`; loose
 * (2) only needs some usable route back.
 */
export function rpFilterDrop(q: Query, dev: string, src: string, ns?: string): string | undefined {
  const mode = rpFilterMode(q, dev, ns);
  if (mode === 0) return undefined;
  const back = q.routeLookup(src, ns);
  const setting = `Reverse-path filtering is ${mode === 1 ? 'strict' : 'loose'} on ${dev} (rp_filter ${mode}, the larger of net.ipv4.conf.all.rp_filter and net.ipv4.conf.${dev}.rp_filter)`;
  if (!usable(back))
    return `${setting} and ${nsLabel(ns)} has no route back to ${src}, so packets from ${src} arriving on ${dev} are dropped as spoofed.`;
  if (mode === 1 && back?.dev !== dev) {
    return `${setting}, and the route back to ${src} leaves through ${back?.dev ?? 'another interface'}, not ${dev}: the path is asymmetric, so packets from ${src} arriving on ${dev} are dropped as spoofed.`;
  }
  return undefined;
}

function forwardingOff(q: Query, dev: string, ns: string | undefined, what: string): string | undefined {
  if (q.forwards(dev, ns)) return undefined;
  const v = q.sysctl(`net.ipv4.conf.${dev}.forwarding`, ns) ?? '?';
  return `Forwarding is off on ${dev} (net.ipv4.conf.${dev}.forwarding = ${v}), and the kernel decides per incoming interface, so ${what} arriving on ${dev} are not routed.`;
}

/** Everything in the router's state that stops the flow, in the order a packet meets it. */
export function diagnoseFlow(state: NetState, f: Flow): Diagnosis[] {
  const q = new Query(state);
  const ns = f.router;
  const out: Diagnosis[] = [];
  const add = (direction: Diagnosis['direction'], cause: Cause, message: string | undefined) => {
    if (message) out.push({direction, cause, message});
  };
  const local = q.findAddress(f.server, ns) !== undefined;
  add('request', 'rp-filter', rpFilterDrop(q, f.iif, f.client, ns));
  const toServer = local ? undefined : q.routeLookup(f.server, ns);
  if (!local && !usable(toServer)) add('request', 'no-route', `${cap(nsLabel(ns))} has no route to ${f.server}.`);
  if (!local) add('request', 'forwarding', forwardingOff(q, f.iif, ns, `${f.clientName}'s packets`));
  const oif = toServer?.dev;
  const n = q.ns(ns);
  if (!local && oif && n) {
    for (const c of forwardFilter(n, {src: f.client, dst: f.server, iif: f.iif, oif})) {
      if (c.verdict !== 'drop') continue;
      add(
        'request',
        'forward-drop',
        `The ${c.chain} drops ${f.clientName}'s packets (${f.iif} to ${oif}): ${c.by === 'policy' ? 'its policy is DROP and no rule accepts them' : `rule ${c.by}`}.`,
      );
    }
  }
  // Replies: translated back (if NAT applies) before routing, so they are addressed to the client.
  const back = q.routeLookup(f.client, ns);
  if (!usable(back)) {
    const found = back ? `the lookup finds the ${back.type} route ${back.dst}` : 'no route covers it';
    add(
      'reply',
      'no-route-back',
      `${cap(nsLabel(ns))} has no route back to ${f.client} (${found}), so replies to ${f.clientName} go nowhere.`,
    );
  }
  if (!local && oif) {
    add('reply', 'forwarding', forwardingOff(q, oif, ns, `${f.serverName}'s replies`));
    add('reply', 'rp-filter', rpFilterDrop(q, oif, f.server, ns));
    if (n && usable(back) && back?.dev) {
      for (const c of forwardFilter(n, {src: f.server, dst: f.client, iif: oif, oif: back.dev})) {
        if (c.verdict !== 'drop') continue;
        add(
          'reply',
          'forward-drop',
          `The ${c.chain} drops ${f.serverName}'s replies (${oif} to ${back.dev}): ${c.by === 'policy' ? 'its policy is DROP and no rule accepts them' : `rule ${c.by}`}.`,
        );
      }
    }
  }
  return out;
}

/** Joins findings (each a sentence) for a failure message; undefined when there are none. */
export function explain(ds: Diagnosis[]): string | undefined {
  return ds.length ? ds.map((d) => d.message).join(' ') : undefined;
}
