# expect-fail: reach
# The router loses its route to the inside network, so the replies, translated
# back to 192.168.10.2, have nowhere to go.
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A POSTROUTING -s 192.168.10.0/24 -o veth-wan -j MASQUERADE
ip route del 192.168.10.0/24 dev veth-lan
