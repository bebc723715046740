# expect-fail: no-nat
# Routes both ways, plus the "make it work" rule a Docker habit suggests:
# MASQUERADE Pod traffic leaving the node. The pings work, but pod-b sees
# node1 (192.168.50.11), not pod-a.
ip -n node1 route add 10.244.2.0/24 via 192.168.50.12 dev eth0
ip -n node2 route add 10.244.1.0/24 via 192.168.50.11 dev eth0
ip netns exec node1 iptables -t nat -A POSTROUTING -s 10.244.1.0/24 -o eth0 -j MASQUERADE
ip netns exec node2 iptables -t nat -A POSTROUTING -s 10.244.2.0/24 -o eth0 -j MASQUERADE
