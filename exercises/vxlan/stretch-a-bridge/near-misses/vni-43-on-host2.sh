# expect-fail: host2-vtep
# VNI 42 on host1, 43 on host2: two different segments.
ip -n host1 link add vxlan0 type vxlan id 42 dstport 4789 remote 192.168.100.2 dev eth0
ip -n host2 link add vxlan0 type vxlan id 43 dstport 4789 remote 192.168.100.1 dev eth0
ip -n host1 link set vxlan0 master br0 up
ip -n host2 link set vxlan0 master br0 up
