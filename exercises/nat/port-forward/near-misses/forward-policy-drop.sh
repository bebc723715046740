# expect-fail: forward-filter
# DNAT is right, but FORWARD drops everything and nothing accepts the connection.
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A PREROUTING -p tcp -d 203.0.113.1 --dport 8080 -j DNAT --to-destination 192.168.10.2:80
iptables -P FORWARD DROP
