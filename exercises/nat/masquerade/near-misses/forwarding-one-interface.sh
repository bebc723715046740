# expect-fail: forwarding
# Forwarding on for the inside interface only. Requests from lan are routed,
# but wan's replies arrive on veth-wan, where forwarding is still off.
sysctl -w net.ipv4.conf.veth-lan.forwarding=1
iptables -t nat -A POSTROUTING -s 192.168.10.0/24 -o veth-wan -j MASQUERADE
