# Flooding by multicast instead of a list of peers: both VTEPs join 239.1.1.42
# on eth0, and the underlay bridge delivers the group's traffic to both.
ip -n host1 link add vxlan0 type vxlan id 42 dstport 4789 group 239.1.1.42 dev eth0
ip -n host2 link add vxlan0 type vxlan id 42 dstport 4789 group 239.1.1.42 dev eth0
ip -n host1 addr add 10.42.0.1/24 dev vxlan0
ip -n host2 addr add 10.42.0.2/24 dev vxlan0
ip -n host1 link set vxlan0 up
ip -n host2 link set vxlan0 up
