# expect-fail: node2-fetch
# The solution's rules on node1 only: a NodePort opens on every node, and
# node2 refuses 30080 (nothing listens there).
ip netns exec node1 iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -m statistic --mode random --probability 0.5 -j DNAT --to-destination 10.244.1.2:8080
ip netns exec node1 iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -j DNAT --to-destination 10.244.2.2:8080
ip netns exec node1 iptables -t nat -A POSTROUTING -o eth0 -m conntrack --ctstate DNAT -j MASQUERADE
