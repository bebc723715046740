# expect-fail: a-to-b
# The route on node1 names node1's own address as the next hop (copied from
# the wrong node), so node1 would hand the packets to itself.
ip -n node1 route add 10.244.2.0/24 via 192.168.50.11 dev eth0
ip -n node2 route add 10.244.1.0/24 via 192.168.50.11 dev eth0
