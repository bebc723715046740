# expect-fail: host1-fdb
# host1 knows 10.42.0.2's MAC, but its vxlan0 does not know which VTEP has that
# MAC: the frame has no outer destination and is dropped.
ip -n host1 neigh replace 10.42.0.2 lladdr 02:42:0a:2a:00:02 dev vxlan0 nud permanent
ip -n host2 neigh replace 10.42.0.1 lladdr 02:42:0a:2a:00:01 dev vxlan0 nud permanent
