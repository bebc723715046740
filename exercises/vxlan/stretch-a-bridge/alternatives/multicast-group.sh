# Flooding by multicast: both VTEPs join 239.1.1.42 on eth0.
ip -n host1 link add vxlan0 type vxlan id 42 dstport 4789 group 239.1.1.42 dev eth0
ip -n host2 link add vxlan0 type vxlan id 42 dstport 4789 group 239.1.1.42 dev eth0
ip -n host1 link set vxlan0 master br0 up
ip -n host2 link set vxlan0 master br0 up
