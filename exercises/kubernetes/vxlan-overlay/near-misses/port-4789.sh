# expect-fail: tunnel-capture
# Flannel's layout with IANA's port: both ends agree, the Pods reach each other,
# but the capture shows UDP 4789 where Flannel (and the task) use 8472.
ip -n node1 link add flannel.1 type vxlan id 1 dstport 4789 local 192.168.50.11 dev eth0 nolearning
ip -n node1 addr add 10.244.1.0/32 dev flannel.1
ip -n node1 link set flannel.1 up
ip -n node2 link add flannel.1 type vxlan id 1 dstport 4789 local 192.168.60.12 dev eth0 nolearning
ip -n node2 addr add 10.244.2.0/32 dev flannel.1
ip -n node2 link set flannel.1 up
MAC1=$(ip -n node1 -j link show flannel.1 | jq -r '.[0].address')
MAC2=$(ip -n node2 -j link show flannel.1 | jq -r '.[0].address')
ip -n node1 route add 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink
ip -n node1 neigh replace 10.244.2.0 lladdr "$MAC2" dev flannel.1 nud permanent
bridge -n node1 fdb append "$MAC2" dev flannel.1 dst 192.168.60.12
ip -n node2 route add 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink
ip -n node2 neigh replace 10.244.1.0 lladdr "$MAC1" dev flannel.1 nud permanent
bridge -n node2 fdb append "$MAC1" dev flannel.1 dst 192.168.50.11
