/**
 * Questions about virtual devices that hang off a lower device (macvlan,
 * ipvlan, vlan), for checks. Kept apart from query.ts so chapters that add
 * device kinds do not all edit one file.
 */
import type {Link} from './model';
import type {Endpoint, Query} from './query';

/**
 * The lower (parent) device of a macvlan, ipvlan or vlan link. `ip` names it
 * (`link`) when it is in the same namespace; once the child has moved to
 * another namespace only its ifindex and link_netnsid remain. An nsid that
 * `ip netns list-id` does not name is the root namespace seen from inside
 * (it has no /run/netns entry), the only unnamed namespace the labs have.
 */
export function lowerOf(q: Query, link: Link, ns?: string): Endpoint | undefined {
  const here = q.ns(ns);
  if (!here) return undefined;
  if (link.linkNetnsid === undefined) {
    const lower = here.links.find((x) =>
      link.linkIndex !== undefined ? x.ifindex === link.linkIndex : x.name === link.linkName,
    );
    return lower ? {ns: here.name, link: lower} : undefined;
  }
  const named = here.nsids.find((n) => n.nsid === link.linkNetnsid)?.name ?? null;
  const there = q.state.namespaces.find((n) => n.name === named);
  const lower = there?.links.find((x) => x.ifindex === link.linkIndex);
  return there && lower ? {ns: there.name, link: lower} : undefined;
}

/** A short description of a device for messages: "macvlan (mode vepa)", "ipvlan (l2 private)", "veth". */
export function describeDevice(link: Link): string {
  if (link.kind === 'macvlan') return `macvlan (mode ${link.macvlanMode ?? '?'})`;
  if (link.kind === 'ipvlan' && link.ipvlan) return `ipvlan (mode ${link.ipvlan.mode} ${link.ipvlan.flag})`;
  return link.kind ?? 'a plain device';
}
