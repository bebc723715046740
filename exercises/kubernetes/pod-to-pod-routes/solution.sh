# host-gw, as Flannel's host-gw backend writes it: each node routes the other
# node's Pod CIDR via that node's address on the shared LAN.
ip -n node1 route add 10.244.2.0/24 via 192.168.50.12 dev eth0
ip -n node2 route add 10.244.1.0/24 via 192.168.50.11 dev eth0
