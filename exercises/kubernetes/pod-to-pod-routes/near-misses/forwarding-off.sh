# expect-fail: a-to-b
# Both routes are right, but node2 no longer forwards (a node rebooted
# without the sysctl kubeadm asks for): pod-a's packets die on node2's eth0.
ip -n node1 route add 10.244.2.0/24 via 192.168.50.12 dev eth0
ip -n node2 route add 10.244.1.0/24 via 192.168.50.11 dev eth0
ip netns exec node2 sysctl -w net.ipv4.ip_forward=0
