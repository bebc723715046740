# Calico's IPIP mode: an IPIP device with no fixed remote (like Calico's
# tunl0) and on-link routes whose gateway is the peer node. The kernel takes
# the outer destination from that gateway: the packet leaves inside an outer
# IPv4 header 192.168.50.11 -> 192.168.50.12 (protocol 4), the Pod
# addresses untouched inside.
ip -n node1 link add ipip0 type ipip local 192.168.50.11
ip -n node2 link add ipip0 type ipip local 192.168.50.12
ip -n node1 link set ipip0 up
ip -n node2 link set ipip0 up
ip -n node1 route add 10.244.2.0/24 via 192.168.50.12 dev ipip0 onlink
ip -n node2 route add 10.244.1.0/24 via 192.168.50.11 dev ipip0 onlink
