# Forwarding per interface, on both of router's interfaces (one through
# /proc/sys, one with sysctl), with ip_forward itself left at 0.
ip -n left route add 10.2.0.0/24 via 10.1.0.1
ip -n right route add 10.1.0.0/24 via 10.2.0.1
ip netns exec router sh -c 'echo 1 > /proc/sys/net/ipv4/conf/veth-left/forwarding'
ip netns exec router sysctl -w net.ipv4.conf.veth-right.forwarding=1
