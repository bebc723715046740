# expect-fail: reach
# A second cable into lan and a host route that sends replies to lan through it.
# The path is asymmetric, and strict reverse-path filtering on veth-lan drops
# lan's packets: the route back to 192.168.10.2 does not leave through veth-lan.
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A POSTROUTING -s 192.168.10.0/24 -o veth-wan -j MASQUERADE
ip link add veth-lan2 type veth peer name eth1 netns lan
ip link set veth-lan2 up
ip -n lan link set eth1 up
ip route add 192.168.10.2/32 dev veth-lan2
sysctl -w net.ipv4.conf.all.rp_filter=1
sysctl -w net.ipv4.conf.veth-lan.rp_filter=1
