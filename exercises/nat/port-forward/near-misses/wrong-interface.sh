# expect-fail: dnat-rule
# The rule matches connections arriving from lan, not from wan.
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A PREROUTING -i veth-lan -p tcp --dport 8080 -j DNAT --to-destination 192.168.10.2:80
