# expect-fail: node1-fetch
# The DNAT rules in OUTPUT, which only sees connections the node opens
# itself (`curl 127.0.0.1:30080` on the node works); ext's arrive through
# PREROUTING and find nothing listening on 30080.
for n in node1 node2; do ip netns exec $n iptables -t nat -A OUTPUT -p tcp --dport 30080 -m addrtype --dst-type LOCAL -m statistic --mode random --probability 0.5 -j DNAT --to-destination 10.244.1.2:8080; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A OUTPUT -p tcp --dport 30080 -m addrtype --dst-type LOCAL -j DNAT --to-destination 10.244.2.2:8080; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A POSTROUTING -o eth0 -m conntrack --ctstate DNAT -j MASQUERADE; done
