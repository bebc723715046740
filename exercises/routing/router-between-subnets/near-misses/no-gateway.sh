# expect-fail: left-route
# A route out of eth0 without a gateway: left treats 10.2.0.2 as a neighbour
# and ARPs for it; router does not answer for an address it does not have.
ip -n left route add 10.2.0.0/24 dev eth0
ip -n right route add 10.1.0.0/24 via 10.2.0.1
ip netns exec router sysctl -w net.ipv4.ip_forward=1
