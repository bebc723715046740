# Shared builder of the Kubernetes labs' "cluster" (exercise.ts: libs: ['k8s']).
# Defines functions only; the lab's setup.sh calls them. A node is a network
# namespace, a Pod a namespace whose eth0 is a veth whose other end is a port
# of its node's bridge cni0, as the CNI bridge plugin leaves it.
#
# The usual start state (docs/pod-to-pod.mdx draws it):
#   k8s_cluster              node1 192.168.50.11/24 and node2 192.168.50.12/24 on
#                            the root namespace's bridge lan, cni0 = 10.244.1.1/24
#                            on node1 and 10.244.2.1/24 on node2
#   k8s_pod node1 pod-a 10.244.1.2
#   k8s_service_cluster      the Services chapters' start (see below)
#
# Nodes start as kubeadm requires: IPv4 forwarding on, br_netfilter loaded,
# and bridge-nf-call-iptables=1 (bridged Pod traffic passes iptables, so a
# Service's DNAT also applies between two Pods on the same cni0).

# k8s_lan <bridge>: a bridge in the root namespace standing for a switch.
k8s_lan() {
  ip link add "$1" type bridge
  ip link set "$1" up
}

# k8s_node <node> <address/prefix> <pod-gateway/prefix> [lan] [default-gateway]
# A node namespace whose eth0 is plugged into <lan> (default lan) through the
# veth <node>-eth0, with its Pod bridge cni0 holding <pod-gateway>.
k8s_node() {
  local node=$1 addr=$2 podgw=$3 lan=${4:-lan} gw=${5:-}
  [[ -d /proc/sys/net/bridge ]] || modprobe br_netfilter
  ip netns add "$node"
  ip link add "$node-eth0" type veth peer name eth0 netns "$node"
  ip link set "$node-eth0" master "$lan" up
  ip -n "$node" link set lo up
  ip -n "$node" addr add "$addr" dev eth0
  ip -n "$node" link set eth0 up
  [[ -z $gw ]] || ip -n "$node" route add default via "$gw"
  ip -n "$node" link add cni0 type bridge
  ip -n "$node" addr add "$podgw" dev cni0
  ip -n "$node" link set cni0 up
  # Per namespace: forwarding, and bridged IPv4 through iptables (br_netfilter's
  # sysctls exist in a namespace once the module is loaded).
  ip netns exec "$node" sh -c 'echo 1 >/proc/sys/net/ipv4/ip_forward &&
    echo 1 >/proc/sys/net/bridge/bridge-nf-call-iptables'
}

# k8s_pod <node> <pod> <address> [prefix]
# A Pod namespace with eth0 = <address>/<prefix> (default 24) and a default
# route via .1 of the node's cni0; the node-side end veth-<pod> is on cni0.
k8s_pod() {
  local node=$1 pod=$2 addr=$3 len=${4:-24} gw
  gw=$(ip -n "$node" -4 -o addr show dev cni0)
  gw=${gw#* inet }
  gw=${gw%%/*}
  ip netns add "$pod"
  ip -n "$node" link add "veth-$pod" type veth peer name eth0 netns "$pod"
  ip -n "$node" link set "veth-$pod" master cni0 up
  ip -n "$pod" link set lo up
  ip -n "$pod" addr add "$addr/$len" dev eth0
  ip -n "$pod" link set eth0 up
  ip -n "$pod" route add default via "$gw"
}

# k8s_cluster: lan, node1 and node2 with their Pod bridges, no Pods.
k8s_cluster() {
  k8s_lan lan
  k8s_node node1 192.168.50.11/24 10.244.1.1/24
  k8s_node node2 192.168.50.12/24 10.244.2.1/24
}

# k8s_serve <pod> <port>: a web server in <pod> whose page is the Pod's name
# (busybox httpd starts in milliseconds; the reset stops it).
k8s_serve() {
  mkdir -p "/run/netlab-www/$1"
  printf '%s\n' "$1" >"/run/netlab-www/$1/index.html"
  ip netns exec "$1" busybox httpd -p "$2" -h "/run/netlab-www/$1"
}

# k8s_host_gw: each node routes the other's Pod CIDR via the other node (Flannel's host-gw).
k8s_host_gw() {
  ip -n node1 route add 10.244.2.0/24 via 192.168.50.12
  ip -n node2 route add 10.244.1.0/24 via 192.168.50.11
}

# k8s_service_cluster: the Services chapters' start: k8s_cluster with Pod-to-Pod
# routes, the endpoints of Service web, pod-a (10.244.1.2) on node1 and pod-b
# (10.244.2.2) on node2, each serving its name on 8080, and the client pod-c
# (10.244.1.3) on node1. No Service rules yet.
k8s_service_cluster() {
  k8s_cluster
  k8s_host_gw
  k8s_pod node1 pod-a 10.244.1.2
  k8s_pod node2 pod-b 10.244.2.2
  k8s_pod node1 pod-c 10.244.1.3
  k8s_serve pod-a 8080
  k8s_serve pod-b 8080
}
