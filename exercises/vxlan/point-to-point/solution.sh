ip -n host1 link add vxlan0 type vxlan id 42 dstport 4789 local 192.168.100.1 remote 192.168.100.2 dev eth0
ip -n host2 link add vxlan0 type vxlan id 42 dstport 4789 local 192.168.100.2 remote 192.168.100.1 dev eth0
ip -n host1 addr add 10.42.0.1/24 dev vxlan0
ip -n host2 addr add 10.42.0.2/24 dev vxlan0
ip -n host1 link set vxlan0 up
ip -n host2 link set vxlan0 up
