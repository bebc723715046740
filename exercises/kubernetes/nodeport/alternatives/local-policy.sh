# externalTrafficPolicy: Local: each node sends NodePort connections only to
# its own endpoint (pod-a on node1, pod-b on node2), so no SNAT is needed and
# the Pod sees ext's own address.
ip netns exec node1 iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -j DNAT --to-destination 10.244.1.2:8080
ip netns exec node2 iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -j DNAT --to-destination 10.244.2.2:8080
