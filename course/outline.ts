/**
 * The course outline: parts, their chapters, and each chapter's exercises in
 * order. The sidebar (sidebars.ts), the course map on the home, intro and
 * progress pages, and the progress counts all derive from this one list.
 *
 * To add an exercise, list its id under its chapter (`npm run new:exercise`
 * does it for you). To add a chapter, write docs/<doc>.mdx and add an entry
 * to a part. `npm run check:exercises` and the site build reject a chapter
 * without its doc, an exercise folder in no chapter, and an id here without
 * a folder.
 */
import type {OutlineInput} from './schema';

export default {
  intro: 'intro',
  parts: [
    {
      id: 'foundations',
      title: 'Foundations',
      chapters: [
        {
          id: 'osi',
          doc: 'osi',
          title: 'Layers on the wire',
          blurb:
            'Read a real frame byte by byte, capture a TCP three-way handshake in the packet view, and find where large packets die.',
          exercises: ['osi/capture-handshake', 'osi/path-mtu'],
        },
        {
          id: 'subnetting',
          doc: 'subnetting',
          title: 'IP addresses and subnetting',
          blurb: 'Read an address in binary, find its network and broadcast, and carve your own block into subnets.',
          exercises: ['subnetting/carve-a-block'],
        },
        {
          id: 'arp',
          doc: 'arp',
          title: 'ARP and neighbours',
          blurb:
            'Watch who-has and is-at on the wire, read the neighbour table and fix a host that sends to the wrong MAC.',
          exercises: ['arp/wrong-neighbour'],
        },
        {
          id: 'routing',
          doc: 'routing',
          title: 'Routing',
          blurb: 'Read a routing table, connect two subnets through a router, and follow a packet there and back.',
          exercises: ['routing/router-between-subnets', 'routing/longest-prefix-match'],
        },
        {
          id: 'nat',
          doc: 'nat',
          title: 'NAT and masquerading',
          blurb: 'Let a private network reach the outside world through one address with iptables MASQUERADE.',
          exercises: ['nat/masquerade', 'nat/port-forward'],
        },
      ],
    },
    {
      id: 'services',
      title: 'Services',
      chapters: [
        {
          id: 'dns',
          doc: 'dns',
          title: 'DNS',
          blurb: 'Run a DNS server for a lab zone, point a namespace at it, and read every section of a dig answer.',
          exercises: ['dns/local-resolver', 'dns/forwarding', 'dns/search-domains'],
        },
        {
          id: 'dhcp',
          doc: 'dhcp',
          title: 'DHCP',
          blurb:
            'Watch DORA on the wire, run a DHCP server that hands out addresses, a router and a DNS server, and reserve an address for one MAC.',
          exercises: ['dhcp/serve-a-subnet'],
        },
      ],
    },
    {
      id: 'layer2',
      title: 'Layer 2 and overlays',
      chapters: [
        {
          id: 'bridges',
          doc: 'bridges',
          title: 'Linux bridges',
          blurb: 'Build a virtual switch, plug network namespaces into it with veth cables and watch frames flow.',
          exercises: ['bridges/two-namespaces', 'bridges/gateway-on-bridge'],
        },
        {
          id: 'vlans',
          doc: 'vlans',
          title: 'VLANs on a bridge',
          blurb: 'Split one bridge into isolated segments with 802.1Q tags and VLAN filtering.',
          exercises: ['vlans/vlan-aware-bridge'],
        },
        {
          id: 'vxlan',
          doc: 'vxlan',
          title: 'VXLAN overlays',
          blurb: 'Carry Ethernet frames inside UDP between hosts: VNIs, VTEPs, the FDB and the 50-byte overhead.',
          exercises: ['vxlan/point-to-point', 'vxlan/stretch-a-bridge', 'vxlan/static-fdb'],
        },
        {
          id: 'devices',
          doc: 'virtual-devices',
          title: 'Virtual devices: TUN/TAP, macvlan, ipvlan, bonds',
          blurb:
            'Give namespaces their own MAC on one parent with macvlan, meet ipvlan, TUN/TAP, dummy and VRF, and build a bond that survives a dead cable.',
          exercises: ['devices/macvlan-bridge', 'devices/active-backup-bond'],
        },
        {
          id: 'ovs',
          doc: 'ovs',
          title: 'Open vSwitch',
          blurb: 'Run the switch behind many clouds: bridges, access and trunk ports, VXLAN ports and the flow table.',
          exercises: ['ovs/vlan-access-ports'],
        },
      ],
    },
    {
      id: 'kubernetes',
      title: 'Kubernetes networking',
      chapters: [
        {
          id: 'containers',
          doc: 'containers',
          title: 'Containers by hand',
          blurb:
            "Rebuild Docker's default bridge network with ip and iptables: a namespace, a veth on docker0, MASQUERADE out and DNAT to publish a port.",
          exercises: ['containers/publish-a-port'],
        },
        {
          id: 'cni',
          doc: 'cni',
          title: 'CNI: how a runtime wires a Pod',
          blurb:
            'Call the real CNI plugins the way containerd does: a bridge + host-local config, ADD and DEL, and the addresses host-local records.',
          exercises: ['kubernetes/cni-add-a-pod'],
        },
        {
          id: 'pod-to-pod',
          doc: 'pod-to-pod',
          title: 'Pod to Pod across nodes',
          blurb:
            'The Kubernetes network model by hand: a Pod CIDR per node, host-gw routes between the nodes, no NAT between Pods, and why br_netfilter matters.',
          exercises: ['kubernetes/pod-to-pod-routes'],
        },
        {
          id: 'pod-overlay',
          doc: 'pod-overlay',
          title: "Pod to Pod over an overlay: Flannel's VXLAN",
          blurb:
            "Carry Pod traffic across a router you may not touch, as Flannel's vxlan backend does: flannel.1, an onlink route, a permanent neighbour and an FDB entry per node.",
          exercises: ['kubernetes/vxlan-overlay'],
        },
        {
          id: 'clusterip-iptables',
          doc: 'services-iptables',
          title: "Services: ClusterIP with kube-proxy's iptables rules",
          blurb:
            'Make a ClusterIP work the way kube-proxy does: KUBE-SERVICES, KUBE-SVC and KUBE-SEP chains, random probabilities, DNAT, and the conntrack entry that remembers the choice.',
          exercises: ['kubernetes/clusterip-iptables'],
        },
        {
          id: 'ipvs',
          doc: 'services-ipvs',
          title: "Services: kube-proxy's IPVS mode",
          blurb:
            'The same ClusterIP with the kernel load balancer: kube-ipvs0 holding the VIPs, ipvsadm virtual and real servers, schedulers, masquerading, and what conntrack sees.',
          exercises: ['kubernetes/clusterip-ipvs'],
        },
        {
          id: 'nodeport',
          doc: 'nodeport',
          title: 'NodePort: the way in from outside',
          blurb:
            'The same port on every node: DNAT on the way in, why externalTrafficPolicy Cluster must masquerade what it hands to another node, and what Local keeps.',
          exercises: ['kubernetes/nodeport'],
        },
        {
          id: 'network-policy',
          doc: 'network-policy',
          title: 'NetworkPolicy: who may talk to a Pod',
          blurb:
            'An ingress policy by hand: default allow until a policy selects a Pod, replies implied through conntrack, and where Calico, Cilium and kube-router enforce it.',
          exercises: ['kubernetes/network-policy'],
        },
        {
          id: 'cluster-dns',
          doc: 'cluster-dns',
          title: 'Cluster DNS: Service names for Pods',
          blurb:
            "What CoreDNS does for Pods: <svc>.<ns>.svc.cluster.local, a Service for the DNS server over UDP and TCP, the Pod's resolv.conf, and the queries ndots:5 costs.",
          exercises: ['kubernetes/cluster-dns'],
        },
        {
          id: 'ingress',
          doc: 'ingress',
          title: 'Ingress: one address, many Services',
          blurb:
            'An ingress controller is a reverse proxy in a Pod: nginx picks a Service by the Host header, a hostPort DNAT brings outside clients to it, and an Ingress object is its configuration.',
          exercises: ['kubernetes/ingress'],
        },
        {
          id: 'capstone',
          doc: 'capstone',
          title: 'Capstone: a Service by name from outside',
          blurb:
            'Put the Kubernetes part together on a bare two-node cluster: Pod routes, a Service with its NodePort, the cluster DNS and the way in, until an outside client reaches web.lab.example by name.',
          exercises: ['kubernetes/capstone'],
        },
      ],
    },
  ],
} satisfies OutlineInput;
