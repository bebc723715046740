# SNAT to the fixed address instead of MASQUERADE, matched on the outgoing interface.
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A POSTROUTING -s 172.17.0.2 -o veth-outside -j SNAT --to-source 198.51.100.1
iptables -t nat -A PREROUTING -i veth-outside -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
