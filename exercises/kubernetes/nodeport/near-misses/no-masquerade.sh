# expect-fail: cross-node-snat
# Cluster policy without the MASQUERADE: a connection sent to the other
# node's endpoint is answered by that Pod straight to ext, from 10.244.x.2,
# which ext does not recognise; those connections hang.
for n in node1 node2; do ip netns exec $n iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -m statistic --mode random --probability 0.5 -j DNAT --to-destination 10.244.1.2:8080; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -j DNAT --to-destination 10.244.2.2:8080; done
