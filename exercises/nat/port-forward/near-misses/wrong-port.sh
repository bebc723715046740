# expect-fail: dnat-rule
# The public port is kept: nothing in lan listens on 8080.
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A PREROUTING -p tcp -d 203.0.113.1 --dport 8080 -j DNAT --to-destination 192.168.10.2:8080
