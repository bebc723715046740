# What flanneld's vxlan backend writes, node by node: flannel.1 (VNI 1, UDP 8472, no learning) over eth0,
# the node's Pod CIDR's .0 as a /32 on it, MTU 1450 (eth0's 1500 minus 50).
ip -n node1 link add flannel.1 type vxlan id 1 dstport 8472 local 192.168.50.11 dev eth0 nolearning
ip -n node1 addr add 10.244.1.0/32 dev flannel.1
ip -n node1 link set flannel.1 up
ip -n node2 link add flannel.1 type vxlan id 1 dstport 8472 local 192.168.60.12 dev eth0 nolearning
ip -n node2 addr add 10.244.2.0/32 dev flannel.1
ip -n node2 link set flannel.1 up
# Each node's VTEP MAC, as flanneld reads it from the other node's backend-data annotation.
MAC1=$(ip -n node1 -j link show flannel.1 | jq -r '.[0].address')
MAC2=$(ip -n node2 -j link show flannel.1 | jq -r '.[0].address')
# On node1, for node2: route, permanent neighbour (.0 is at node2's VTEP MAC), FDB (that MAC is behind 192.168.60.12).
ip -n node1 route add 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink
ip -n node1 neigh replace 10.244.2.0 lladdr "$MAC2" dev flannel.1 nud permanent
bridge -n node1 fdb append "$MAC2" dev flannel.1 dst 192.168.60.12 self permanent
# On node2, the same for node1.
ip -n node2 route add 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink
ip -n node2 neigh replace 10.244.1.0 lladdr "$MAC1" dev flannel.1 nud permanent
bridge -n node2 fdb append "$MAC1" dev flannel.1 dst 192.168.50.11 self permanent
