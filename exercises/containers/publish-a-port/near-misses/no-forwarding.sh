# expect-fail: forwarding
# Both NAT rules are right, but a translated packet still has to be routed
# between veth-outside and docker0, and forwarding is off.
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
iptables -t nat -A PREROUTING -p tcp -d 198.51.100.1 --dport 8080 -j DNAT --to-destination 172.17.0.2:80
