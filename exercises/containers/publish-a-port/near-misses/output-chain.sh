# expect-fail: dnat-rule
# OUTPUT only sees connections the host itself opens; outside's arrive through PREROUTING.
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
iptables -t nat -A OUTPUT -p tcp -d 198.51.100.1 --dport 8080 -j DNAT --to-destination 172.17.0.2:80
