# expect-fail: nat-rule
# SNAT to an address the router does not own: replies to it go nowhere.
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A POSTROUTING -s 192.168.10.0/24 -o veth-wan -j SNAT --to-source 203.0.113.5
