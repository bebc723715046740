# The way Docker writes it: a user chain DOCKER reached for local destinations,
# and a default-deny FORWARD that accepts replies and the published port.
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -N DOCKER
iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
iptables -t nat -A DOCKER ! -i docker0 -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
iptables -P FORWARD DROP
iptables -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
iptables -A FORWARD -o docker0 -d 172.17.0.2 -p tcp --dport 80 -j ACCEPT
iptables -A FORWARD -i docker0 ! -o docker0 -j ACCEPT
