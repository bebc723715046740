# expect-fail: reach
# Forwarding and NAT are right, but the FORWARD chain drops everything.
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A POSTROUTING -s 192.168.10.0/24 -o veth-wan -j MASQUERADE
iptables -P FORWARD DROP
