# Match the interface wan's packets arrive on instead of the address.
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A PREROUTING -i veth-wan -p tcp --dport 8080 -j DNAT --to-destination 192.168.10.2:80
