# A point-to-point VXLAN overlay: one vxlan device per node with the other
# node as its only remote, a /30 transfer network on it, and the peer's Pod
# CIDR routed via the peer's overlay address.
ip -n node1 link add vx0 type vxlan id 42 remote 192.168.50.12 local 192.168.50.11 dstport 4789 dev eth0
ip -n node2 link add vx0 type vxlan id 42 remote 192.168.50.11 local 192.168.50.12 dstport 4789 dev eth0
ip -n node1 addr add 172.31.0.1/30 dev vx0
ip -n node2 addr add 172.31.0.2/30 dev vx0
ip -n node1 link set vx0 up
ip -n node2 link set vx0 up
ip -n node1 route add 10.244.2.0/24 via 172.31.0.2 dev vx0
ip -n node2 route add 10.244.1.0/24 via 172.31.0.1 dev vx0
