# The same rules through the legacy (x_tables) backend.
sysctl -w net.ipv4.ip_forward=1
iptables-legacy -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
iptables-legacy -t nat -A PREROUTING -p tcp -d 198.51.100.1 --dport 8080 -j DNAT --to-destination 172.17.0.2:80
