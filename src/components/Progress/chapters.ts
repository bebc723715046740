/**
 * The course outline for the home page and the course map. An instructor adds
 * a chapter here and in sidebars.ts; exercises attach to a chapter by the
 * first part of their id (exercises/<chapter>/<slug>).
 */
export interface Chapter {
  id: string;
  title: string;
  path: string;
  blurb: string;
}

export const CHAPTERS: Chapter[] = [
  {
    id: 'bridges',
    title: 'Linux bridges',
    path: '/learn/bridges',
    blurb: 'Build a virtual switch, plug network namespaces into it with veth cables and watch frames flow.',
  },
  {
    id: 'vlans',
    title: 'VLANs on a bridge',
    path: '/learn/vlans',
    blurb: 'Split one bridge into isolated segments with 802.1Q tags and VLAN filtering.',
  },
  {
    id: 'nat',
    title: 'NAT and masquerading',
    path: '/learn/nat',
    blurb: 'Let a private network reach the outside world through one address with iptables MASQUERADE.',
  },
];
