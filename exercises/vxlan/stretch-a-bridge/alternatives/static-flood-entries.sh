# No remote: all-zero FDB entries name the peer VTEP; other device names.
ip -n host1 link add vx42 type vxlan vni 42 dstport 4789 dev eth0
ip -n host2 link add vtep42 type vxlan vni 42 dstport 4789 dev eth0
bridge -n host1 fdb append 00:00:00:00:00:00 dev vx42 dst 192.168.100.2
bridge -n host2 fdb append 00:00:00:00:00:00 dev vtep42 dst 192.168.100.1
ip -n host1 link set vx42 master br0 up
ip -n host2 link set vtep42 master br0 up
