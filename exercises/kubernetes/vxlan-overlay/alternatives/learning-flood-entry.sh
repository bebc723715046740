# Flannel's routes, but the kernel finds the MACs itself: learning stays on, one
# all-zero FDB entry per peer carries the ARP request for the peer's .0, and the
# reply's source MAC is learned. No static neighbour, no per-MAC FDB entry.
ip -n node1 link add flannel.1 type vxlan id 1 dstport 8472 local 192.168.50.11 dev eth0
ip -n node2 link add flannel.1 type vxlan id 1 dstport 8472 local 192.168.60.12 dev eth0
ip -n node1 addr add 10.244.1.0/32 dev flannel.1
ip -n node2 addr add 10.244.2.0/32 dev flannel.1
ip -n node1 link set flannel.1 up
ip -n node2 link set flannel.1 up
bridge -n node1 fdb append 00:00:00:00:00:00 dev flannel.1 dst 192.168.60.12
bridge -n node2 fdb append 00:00:00:00:00:00 dev flannel.1 dst 192.168.50.11
ip -n node1 route add 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink
ip -n node2 route add 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink
