# A user-defined chain reached from POSTROUTING, with a comment.
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -N LAN-OUT
iptables -t nat -A POSTROUTING -o veth-wan -m comment --comment "lan to internet" -j LAN-OUT
iptables -t nat -A LAN-OUT ! -s 192.168.10.0/24 -j RETURN
iptables -t nat -A LAN-OUT -j MASQUERADE
