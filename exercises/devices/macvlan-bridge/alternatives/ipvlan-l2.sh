# ipvlan in L2 mode: the children share lan0's MAC address but, like bridge
# mode macvlans, still exchange frames directly. The task allows it.
ip link add ipv1 link lan0 netns ns1 type ipvlan mode l2
ip link add ipv2 link lan0 netns ns2 type ipvlan mode l2
ip netns exec ns1 ip addr add 10.20.0.1/24 dev ipv1
ip netns exec ns2 ip addr add 10.20.0.2/24 dev ipv2
ip netns exec ns1 ip link set ipv1 up
ip netns exec ns2 ip link set ipv2 up
