# A default-deny FORWARD chain that accepts the forwarded port and its replies.
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A PREROUTING -p tcp -d 203.0.113.1 --dport 8080 -j DNAT --to-destination 192.168.10.2:80
iptables -P FORWARD DROP
iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -A FORWARD -i veth-wan -o veth-lan -p tcp -d 192.168.10.2 --dport 80 -j ACCEPT
