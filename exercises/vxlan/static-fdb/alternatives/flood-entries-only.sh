# Head-end replication without learning: one all-zero entry per peer carries
# the ARP broadcasts and, with no per-MAC entry, every unicast frame too.
bridge -n host1 fdb append 00:00:00:00:00:00 dev vxlan0 dst 192.168.100.2
bridge -n host2 fdb append 00:00:00:00:00:00 dev vxlan0 dst 192.168.100.1
