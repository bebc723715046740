# expect-fail: right-route-back
# left's requests reach right through router, but right has no route back to
# 10.1.0.0/24: its replies are dropped in right, and left hears nothing.
ip -n left route add 10.2.0.0/24 via 10.1.0.1
ip netns exec router sysctl -w net.ipv4.ip_forward=1
