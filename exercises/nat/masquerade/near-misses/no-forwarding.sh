# expect-fail: forwarding
# The NAT rule is right, but the root namespace still refuses to route.
iptables -t nat -A POSTROUTING -s 192.168.10.0/24 -o veth-wan -j MASQUERADE
