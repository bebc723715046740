# A layer 2 overlay instead of Flannel's layer 3 one: the VXLAN device is a
# port of cni0, so the two Pod bridges become one segment, and each node routes
# the other Pod CIDR straight onto cni0 (the Pods answer ARP through the tunnel).
ip -n node1 link add vxlan0 type vxlan id 1 dstport 8472 remote 192.168.60.12 local 192.168.50.11 dev eth0
ip -n node2 link add vxlan0 type vxlan id 1 dstport 8472 remote 192.168.50.11 local 192.168.60.12 dev eth0
ip -n node1 link set vxlan0 master cni0 up
ip -n node2 link set vxlan0 master cni0 up
ip -n node1 route add 10.244.2.0/24 dev cni0
ip -n node2 route add 10.244.1.0/24 dev cni0
