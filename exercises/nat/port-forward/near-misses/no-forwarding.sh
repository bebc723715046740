# expect-fail: forwarding
# The rule is right, but the translated packet has to be routed, and forwarding is off.
iptables -t nat -A PREROUTING -p tcp -d 203.0.113.1 --dport 8080 -j DNAT --to-destination 192.168.10.2:80
