# Per-MAC entries for unicast, an all-zero entry so ARP resolves by itself (no
# static neighbours); `replace` and explicit port/VNI that match the device.
bridge -n host1 fdb replace 02:42:0a:2a:00:02 dev vxlan0 dst 192.168.100.2 port 4789 vni 42 self permanent
bridge -n host1 fdb append 00:00:00:00:00:00 dev vxlan0 dst 192.168.100.2
bridge -n host2 fdb replace 02:42:0a:2a:00:01 dev vxlan0 dst 192.168.100.1 port 4789 vni 42 self permanent
bridge -n host2 fdb append 00:00:00:00:00:00 dev vxlan0 dst 192.168.100.1
