# 1. Pod to Pod across the nodes (host-gw).
ip -n node1 route add 10.244.2.0/24 via 192.168.50.12
ip -n node2 route add 10.244.1.0/24 via 192.168.50.11
# 2. The cluster DNS: dnsmasq in the coredns Pod, with the Service's record and the external name on both nodes.
ip netns exec coredns dnsmasq --no-resolv --no-hosts --listen-address=10.244.1.53 --bind-interfaces --host-record=web.default.svc.cluster.local,10.96.0.20 --host-record=web.lab.example,192.168.50.11 --host-record=web.lab.example,192.168.50.12
# 3. Service kube-dns 10.96.0.10:53 (UDP and TCP) on both nodes, and the way in for ext: node1's port 53.
for n in node1 node2; do for p in udp tcp; do ip netns exec $n iptables -t nat -A PREROUTING -d 10.96.0.10 -p $p --dport 53 -j DNAT --to-destination 10.244.1.53:53; done; done
ip netns exec node1 iptables -t nat -A PREROUTING -d 192.168.50.11 -p udp --dport 53 -j DNAT --to-destination 10.244.1.53:53
# 4. Service web: ClusterIP 10.96.0.20:80 and NodePort 30080 on both nodes, half to each endpoint.
for n in node1 node2; do ip netns exec $n iptables -t nat -N WEB; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A PREROUTING -d 10.96.0.20 -p tcp --dport 80 -j WEB; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -j WEB; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A WEB -p tcp -m statistic --mode random --probability 0.5 -j DNAT --to-destination 10.244.1.2:8080; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A WEB -p tcp -j DNAT --to-destination 10.244.2.2:8080; done
# 5. What a node hands to the other node leaves with the node's address, so the reply comes back through it.
for n in node1 node2; do ip netns exec $n iptables -t nat -A POSTROUTING -o eth0 -m conntrack --ctstate DNAT -j MASQUERADE; done
