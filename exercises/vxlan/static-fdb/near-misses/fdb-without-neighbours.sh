# expect-fail: host1-neigh
# The MACs are mapped to VTEPs, but nobody knows 10.42.0.x's MAC, and the ARP
# broadcast has no FDB entry (no all-zero one) to leave by.
bridge -n host1 fdb append 02:42:0a:2a:00:02 dev vxlan0 dst 192.168.100.2
bridge -n host2 fdb append 02:42:0a:2a:00:01 dev vxlan0 dst 192.168.100.1
