/**
 * Check bodies several exercises share. Each returns a CheckFn whose failure
 * message says what was found and what the task expects.
 */
import {fail, pass, type CheckFn} from './exercise';
import type {Link} from './model';
import {linkStateText, nsLabel, type Query} from './query';

const list = (xs: string[]) => (xs.length ? xs.join(', ') : 'none');

export function namespacesExist(names: string[]): CheckFn {
  return (q) => {
    const missing = names.filter((n) => !q.ns(n));
    if (missing.length === 0) return pass();
    return fail(
      `${missing.length > 1 ? 'Namespaces' : 'Namespace'} ${missing.join(' and ')} ${missing.length > 1 ? 'do' : 'does'} not exist. ` +
        `\`ip netns list\` shows: ${list(q.namespaceNames())}.`,
    );
  };
}

export function bridgeIsUp(name: string, ns?: string): CheckFn {
  return (q) => {
    const l = q.link(name, ns);
    if (!l) return fail(`There is no interface called ${name} in ${nsLabel(ns)}.`);
    if (l.kind !== 'bridge') return fail(`${name} exists but is a ${l.kind ?? 'plain'} device, not a bridge.`);
    if (!l.up) return fail(`${name} exists but is DOWN; a bridge that is down forwards nothing.`);
    return pass();
  };
}

/** The link in `ns` whose veth peer is a port of `bridge` (in the root namespace). */
export function attachment(q: Query, ns: string, bridge: string): {inner: Link; outer: Link} | undefined {
  return q.attachments(ns, bridge)[0];
}

export function attachedToBridge(ns: string, bridge: string): CheckFn {
  return (q) => {
    if (attachment(q, ns, bridge)) return pass();
    const veths = q.ns(ns)?.links.filter((l) => l.kind === 'veth') ?? [];
    if (veths.length === 0) {
      return fail(`${ns} has no veth interface. Create a veth pair and move one end into ${ns}.`);
    }
    for (const v of veths) {
      const peer = q.vethPeer(v.name, ns);
      if (peer && peer.ns === null) {
        return fail(
          `${ns}'s ${v.name} is paired with ${peer.link.name} in the root namespace, but ${peer.link.name} is not a port of ${bridge}` +
            (peer.link.master ? ` (its master is ${peer.link.master})` : '') +
            '.',
        );
      }
    }
    return fail(
      `None of ${ns}'s veth interfaces (${list(veths.map((v) => v.name))}) has its other end in the root namespace.`,
    );
  };
}

/** `ns` has ip/prefix on the interface that connects it to `bridge`. */
export function addressOnAttachment(ns: string, bridge: string, ip: string, prefixlen: number): CheckFn {
  return (q) => {
    const want = `${ip}/${prefixlen}`;
    const found = q.findAddress(ip, ns);
    const att = attachment(q, ns, bridge);
    if (!found) {
      const have = q
        .addresses(ns)
        .filter((a) => a.link.name !== 'lo')
        .map((a) => `${a.address.local}/${a.address.prefixlen} on ${a.link.name}`);
      return fail(`${want} is not configured in ${ns}. Addresses there: ${list(have)}.`);
    }
    if (found.address.prefixlen !== prefixlen) {
      return fail(
        `${ip} is on ${found.link.name} in ${ns} with prefix /${found.address.prefixlen}; the task asks for /${prefixlen}. ` +
          (found.address.prefixlen > prefixlen
            ? `A longer prefix leaves the rest of the /${prefixlen} outside ${ns}'s on-link route, so it cannot reach those hosts.`
            : `A shorter prefix makes ${ns} treat addresses beyond the /${prefixlen} as on this segment and ARP for them (ifconfig without a netmask gives a /8).`),
      );
    }
    if (att && found.link.name !== att.inner.name) {
      return fail(
        `${want} is on ${found.link.name} in ${ns}, but the interface connected to ${bridge} is ${att.inner.name}.`,
      );
    }
    return pass();
  };
}

/** Every link on the path ns -> bridge -> ns is administratively up. */
export function pathIsUp(namespaces: string[], bridge: string): CheckFn {
  return (q) => {
    const problems: string[] = [];
    for (const ns of namespaces) {
      const att = attachment(q, ns, bridge);
      if (!att) {
        problems.push(`${ns} is not connected to ${bridge}`);
        continue;
      }
      if (!att.inner.up) problems.push(`${ns}'s end ${att.inner.name} is ${linkStateText(att.inner, ns)}`);
      if (!att.outer.up) problems.push(`the root end ${att.outer.name} (toward ${ns}) is ${linkStateText(att.outer)}`);
    }
    const br = q.link(bridge);
    if (br && !br.up) problems.push(`${bridge} is DOWN`);
    return problems.length ? fail(`${problems.join('; ')}.`) : pass();
  };
}

/** Did a live probe succeed? A missing result means the collection broke, not that the learner is wrong. */
export function probeOk(q: Query, id: string): boolean {
  const p = q.probe(id);
  if (!p) throw new Error(`the live test "${id}" produced no result`);
  return p.ok;
}

/** A probe that must succeed (or, with expectOk false, must fail). */
export function probe(id: string, failure: string, expectOk = true): CheckFn {
  return (q) => (probeOk(q, id) === expectOk ? pass() : fail(failure));
}
