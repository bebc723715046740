# SNAT to the router's outside address instead of MASQUERADE.
echo 1 > /proc/sys/net/ipv4/ip_forward
iptables -t nat -A POSTROUTING -s 192.168.10.0/24 -o veth-wan -j SNAT --to-source 203.0.113.1
