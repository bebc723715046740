# expect-fail: b-to-a
# Only half of host-gw: pod-a's packets reach pod-b, but node2 has no route
# back to 10.244.1.0/24, so no reply (and nothing pod-b starts) gets home.
ip -n node1 route add 10.244.2.0/24 via 192.168.50.12 dev eth0
