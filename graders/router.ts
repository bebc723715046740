/**
 * "This router may not change": its addresses, routes, policy rules,
 * forwarding and netfilter rules are compared with the start state that the
 * lab's setup.sh builds. Used by kubernetes/vxlan-overlay, whose router
 * stands for a network the cluster does not own.
 */
import {inCidr, routeCidr} from './addr';
import {fail, pass, type CheckFn} from './exercise';
import type {NsState} from './model';

export interface RouterStart {
  ns: string;
  /** Interface name to its one IPv4 address/prefix, as setup.sh leaves them (lo is implied). */
  addresses: Record<string, string>;
  /** Where this router must never route, with the reason to give (e.g. the Pod CIDRs). */
  forbidden: {cidr: string; why: string};
}

/** Built-in chains with a DROP/REJECT policy, and rules, in both iptables backends and nft. */
function netfilterChanges(ns: NsState): string[] {
  const out: string[] = [];
  for (const [backend, dump] of Object.entries(ns.iptables ?? {})) {
    for (const [table, t] of Object.entries(dump.tables)) {
      for (const r of t.rules) out.push(`iptables${backend === 'legacy' ? '-legacy' : ''} -t ${table} ${r.line}`);
      for (const [chain, c] of Object.entries(t.chains)) {
        if (c.policy && c.policy !== 'ACCEPT') out.push(`iptables -t ${table} policy ${chain} ${c.policy}`);
      }
    }
  }
  // iptables-nft keeps its rules in nft tables too: count nft rules only when no iptables rule explains them.
  if (out.length === 0 && ns.nft) {
    const rules = ns.nft.rules.length;
    const drops = ns.nft.chains.filter((c) => c.policy === 'drop').length;
    if (rules)
      out.push(
        `${rules} nft rule${rules > 1 ? 's' : ''} in ${[...new Set(ns.nft.rules.map((r) => r.table))].join(', ')}`,
      );
    if (drops) out.push(`${drops} nft chain${drops > 1 ? 's' : ''} with policy drop`);
  }
  return out;
}

export function routerUnchanged(start: RouterStart): CheckFn {
  return (q) => {
    const ns = q.ns(start.ns);
    if (!ns) return fail(`Namespace ${start.ns} is gone; press Start to rebuild the start state.`);
    const r = start.ns;
    const v4 = ns.routes.filter((x) => x.family === 'inet' && x.table !== 'local');
    const forbidden = v4.filter((x) => {
      const [net] = routeCidr(x.dst, 'inet').split('/');
      return (
        inCidr(net, start.forbidden.cidr) === true ||
        inCidr(start.forbidden.cidr.split('/')[0], routeCidr(x.dst, 'inet')) === true
      );
    });
    if (forbidden.length) {
      const list = forbidden.map((x) => `${x.dst}${x.gateway ? ` via ${x.gateway}` : ''}`).join(', ');
      return fail(
        `${r} has routes toward ${start.forbidden.cidr} (${list}). ${r} may not change: that is the point of an overlay. ` +
          `${start.forbidden.why} Remove them (\`ip -n ${r} route del ...\`) and carry the Pod traffic inside VXLAN instead.`,
      );
    }
    const problems: string[] = [];
    for (const x of v4) {
      const known = x.table === 'main' && !x.gateway && x.protocol === 'kernel';
      if (!known)
        problems.push(
          `a new route ${x.dst}${x.gateway ? ` via ${x.gateway}` : ''}${x.table !== 'main' ? ` in table ${x.table}` : ''}`,
        );
    }
    for (const {link, address} of q.addresses(start.ns)) {
      if (link.name === 'lo') continue;
      const want = start.addresses[link.name];
      const have = `${address.local}/${address.prefixlen}`;
      if (want !== have) problems.push(`a new address ${have} on ${link.name}`);
    }
    for (const [dev, want] of Object.entries(start.addresses)) {
      const l = q.link(dev, start.ns);
      if (!l) problems.push(`${dev} is gone`);
      else if (!l.up) problems.push(`${dev} is DOWN`);
      else if (!l.addresses.some((a) => `${a.local}/${a.prefixlen}` === want)) problems.push(`${dev} lost ${want}`);
    }
    const extra = ns.links.filter((l) => l.name !== 'lo' && !(l.name in start.addresses));
    for (const l of extra) problems.push(`a new ${l.kind ?? ''} device ${l.name}`.replace('  ', ' '));
    if (ns.rules.length > 3) problems.push('new policy routing rules');
    if (q.sysctl('net.ipv4.ip_forward', start.ns) !== '1') problems.push('forwarding is off (net.ipv4.ip_forward)');
    problems.push(...netfilterChanges(ns));
    if (problems.length === 0) return pass();
    return fail(
      `${r} has changed: ${problems.join('; ')}. ${r} may not change (it stands for a network the cluster does not ` +
        `own); press Start to rebuild it and leave it alone.`,
    );
  };
}
