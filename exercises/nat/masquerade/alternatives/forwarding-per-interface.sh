# Forwarding switched on per interface instead of globally. The kernel checks
# the interface a packet arrives on, so both sides need it: veth-lan for the
# requests, veth-wan for the replies.
sysctl -w net.ipv4.conf.veth-lan.forwarding=1
sysctl -w net.ipv4.conf.veth-wan.forwarding=1
iptables -t nat -A POSTROUTING -s 192.168.10.0/24 -o veth-wan -j MASQUERADE
