# Other device names, no remote: an all-zero FDB entry per host names the peer
# VTEP (head-end replication, as `bridge fdb append` builds it).
ip -n host1 link add vx42 type vxlan vni 42 dstport 4789 dev eth0
ip -n host2 link add tun42 type vxlan vni 42 dstport 4789 dev eth0
bridge -n host1 fdb append 00:00:00:00:00:00 dev vx42 dst 192.168.100.2
bridge -n host2 fdb append 00:00:00:00:00:00 dev tun42 dst 192.168.100.1
ip -n host1 addr add 10.42.0.1/24 dev vx42
ip -n host2 addr add 10.42.0.2/24 dev tun42
ip -n host1 link set vx42 up
ip -n host2 link set tun42 up
