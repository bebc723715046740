# expect-fail: router-forwards
# Forwarding switched on in the two hosts, which only send and receive, and
# not in router, the one namespace that passes packets between interfaces.
ip -n left route add 10.2.0.0/24 via 10.1.0.1
ip -n right route add 10.1.0.0/24 via 10.2.0.1
ip netns exec left sysctl -w net.ipv4.ip_forward=1
ip netns exec right sysctl -w net.ipv4.ip_forward=1
