# expect-fail: host1-fdb
# host1 maps host2's MAC to its own underlay address.
bridge -n host1 fdb append 02:42:0a:2a:00:02 dev vxlan0 dst 192.168.100.1
ip -n host1 neigh replace 10.42.0.2 lladdr 02:42:0a:2a:00:02 dev vxlan0 nud permanent
bridge -n host2 fdb append 02:42:0a:2a:00:01 dev vxlan0 dst 192.168.100.1
ip -n host2 neigh replace 10.42.0.1 lladdr 02:42:0a:2a:00:01 dev vxlan0 nud permanent
