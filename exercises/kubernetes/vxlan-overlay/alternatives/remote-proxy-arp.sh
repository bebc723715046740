# Point-to-point VXLAN with learning: `remote` names the other node, the other
# Pod CIDR is a plain route out of the device, and the other node answers ARP
# for its Pods on the tunnel with proxy ARP. No static neighbour or FDB entry.
ip -n node1 link add vxlan0 type vxlan id 1 dstport 8472 remote 192.168.60.12 local 192.168.50.11 dev eth0
ip -n node2 link add vxlan0 type vxlan id 1 dstport 8472 remote 192.168.50.11 local 192.168.60.12 dev eth0
ip -n node1 addr add 10.244.1.0/32 dev vxlan0
ip -n node2 addr add 10.244.2.0/32 dev vxlan0
ip -n node1 link set vxlan0 up
ip -n node2 link set vxlan0 up
ip -n node1 route add 10.244.2.0/24 dev vxlan0
ip -n node2 route add 10.244.1.0/24 dev vxlan0
ip netns exec node1 sysctl -qw net.ipv4.conf.vxlan0.proxy_arp=1
ip netns exec node2 sysctl -qw net.ipv4.conf.vxlan0.proxy_arp=1
