# expect-fail: node1-fetch
# The Service's port (80) instead of the endpoints' targetPort (8080): the
# Pods refuse the connection.
for n in node1 node2; do ip netns exec $n iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -m statistic --mode random --probability 0.5 -j DNAT --to-destination 10.244.1.2:80; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -j DNAT --to-destination 10.244.2.2:80; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A POSTROUTING -o eth0 -m conntrack --ctstate DNAT -j MASQUERADE; done
