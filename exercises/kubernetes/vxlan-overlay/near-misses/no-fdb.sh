# expect-fail: pod-a-to-pod-b
# Routes and permanent neighbours, but no FDB entries: node1 knows that
# 10.244.2.0 is at node2's VTEP MAC, and flannel.1 does not know where that MAC lives.
ip -n node1 link add flannel.1 type vxlan id 1 dstport 8472 local 192.168.50.11 dev eth0 nolearning
ip -n node1 addr add 10.244.1.0/32 dev flannel.1
ip -n node1 link set flannel.1 up
ip -n node2 link add flannel.1 type vxlan id 1 dstport 8472 local 192.168.60.12 dev eth0 nolearning
ip -n node2 addr add 10.244.2.0/32 dev flannel.1
ip -n node2 link set flannel.1 up
MAC1=$(ip -n node1 -j link show flannel.1 | jq -r '.[0].address')
MAC2=$(ip -n node2 -j link show flannel.1 | jq -r '.[0].address')
ip -n node1 route add 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink
ip -n node1 neigh replace 10.244.2.0 lladdr "$MAC2" dev flannel.1 nud permanent
ip -n node2 route add 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink
ip -n node2 neigh replace 10.244.1.0 lladdr "$MAC1" dev flannel.1 nud permanent
