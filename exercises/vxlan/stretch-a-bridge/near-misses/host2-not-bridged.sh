# expect-fail: host2-port
# host2's VXLAN device exists but is not a port of br0: vm2's frames never reach it.
ip -n host1 link add vxlan0 type vxlan id 42 dstport 4789 remote 192.168.100.2 dev eth0
ip -n host2 link add vxlan0 type vxlan id 42 dstport 4789 remote 192.168.100.1 dev eth0
ip -n host1 link set vxlan0 master br0 up
ip -n host2 link set vxlan0 up
