# externalTrafficPolicy: Cluster on both nodes. Connections to port 30080 of
# any local address are spread over both endpoints (half to each)...
ip netns exec node1 iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -m statistic --mode random --probability 0.5 -j DNAT --to-destination 10.244.1.2:8080
ip netns exec node1 iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -j DNAT --to-destination 10.244.2.2:8080
ip netns exec node2 iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -m statistic --mode random --probability 0.5 -j DNAT --to-destination 10.244.1.2:8080
ip netns exec node2 iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -j DNAT --to-destination 10.244.2.2:8080
# ...and a connection that leaves again through eth0 (to the endpoint on the
# other node) takes this node's address, so the reply comes back here to be
# un-DNATed. Connections to the local endpoint keep ext's address.
ip netns exec node1 iptables -t nat -A POSTROUTING -o eth0 -m conntrack --ctstate DNAT -j MASQUERADE
ip netns exec node2 iptables -t nat -A POSTROUTING -o eth0 -m conntrack --ctstate DNAT -j MASQUERADE
