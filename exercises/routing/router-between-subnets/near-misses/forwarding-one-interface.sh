# expect-fail: router-forwards
# Forwarding on for veth-left only. left's requests are routed, but right's
# replies arrive on veth-right, where forwarding is still off.
ip -n left route add 10.2.0.0/24 via 10.1.0.1
ip -n right route add 10.1.0.0/24 via 10.2.0.1
ip netns exec router sysctl -w net.ipv4.conf.veth-left.forwarding=1
