# expect-fail: masquerade
# The published port works (conntrack un-DNATs the replies), but web's own
# connections leave as 172.17.0.2, and outside has no route back to it.
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A PREROUTING -p tcp -d 198.51.100.1 --dport 8080 -j DNAT --to-destination 172.17.0.2:80
