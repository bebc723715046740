# Start state (docs/pod-overlay.mdx draws it): the nodes sit in two subnets
# behind the namespace router, which forwards between them and knows nothing
# about Pods.
#   lan  (bridge, root namespace): node1 192.168.50.11/24, router eth0 192.168.50.1/24
#   lan2 (bridge, root namespace): node2 192.168.60.12/24, router eth1 192.168.60.1/24
# Each node's default route goes via its router address. cni0 holds .1 of the
# node's Pod CIDR (10.244.1.0/24 on node1, 10.244.2.0/24 on node2); pod-a
# (10.244.1.2) is on node1, pod-b (10.244.2.2) on node2. No overlay yet.
k8s_lan lan
k8s_lan lan2
ip netns add router
ip -n router link set lo up
ip link add router-eth0 type veth peer name eth0 netns router
ip link add router-eth1 type veth peer name eth1 netns router
ip link set router-eth0 master lan up
ip link set router-eth1 master lan2 up
ip -n router addr add 192.168.50.1/24 dev eth0
ip -n router addr add 192.168.60.1/24 dev eth1
ip -n router link set eth0 up
ip -n router link set eth1 up
ip netns exec router sh -c 'echo 1 >/proc/sys/net/ipv4/ip_forward'
k8s_node node1 192.168.50.11/24 10.244.1.1/24 lan 192.168.50.1
k8s_node node2 192.168.60.12/24 10.244.2.1/24 lan2 192.168.60.1
k8s_pod node1 pod-a 10.244.1.2
k8s_pod node2 pod-b 10.244.2.2
# tcpdump's first start reads its libraries from disk, seconds on the
# emulated machine: do it now, not in the first Check's capturing ping.
tcpdump --version >/dev/null 2>&1
:
