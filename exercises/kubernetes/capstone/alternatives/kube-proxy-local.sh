# kube-proxy's iptables layout with externalTrafficPolicy: Local for web:
# each node sends NodePort connections to its own endpoint only, no SNAT,
# and the name leads to both nodes, so both Pods answer. ext's DNS queries
# to node1's port 53 jump to the DNS Service's chain, as a NodePort would.
ip -n node1 route add 10.244.2.0/24 via 192.168.50.12
ip -n node2 route add 10.244.1.0/24 via 192.168.50.11
ip netns exec coredns dnsmasq --no-resolv --no-hosts --listen-address=10.244.1.53 --bind-interfaces --host-record=web.default.svc.cluster.local,10.96.0.20 --host-record=web.lab.example,192.168.50.11 --host-record=web.lab.example,192.168.50.12
for n in node1 node2; do for c in KUBE-SERVICES KUBE-NODEPORTS KUBE-SVC-DNS KUBE-SVC-WEB KUBE-SEP-DNS KUBE-SEP-PODA KUBE-SEP-PODB KUBE-SVL-WEB; do ip netns exec $n iptables -t nat -N $c; done; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A PREROUTING -j KUBE-SERVICES; done
for n in node1 node2; do for p in udp tcp; do ip netns exec $n iptables -t nat -A KUBE-SERVICES -d 10.96.0.10/32 -p $p -m $p --dport 53 -j KUBE-SVC-DNS; done; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-SERVICES -d 10.96.0.20/32 -p tcp -m tcp --dport 80 -j KUBE-SVC-WEB; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS; done
ip netns exec node1 iptables -t nat -A KUBE-NODEPORTS -d 192.168.50.11/32 -p udp -m udp --dport 53 -j KUBE-SVC-DNS
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-NODEPORTS -p tcp -m tcp --dport 30080 -j KUBE-SVL-WEB; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-SVC-DNS -j KUBE-SEP-DNS; done
for n in node1 node2; do for p in udp tcp; do ip netns exec $n iptables -t nat -A KUBE-SEP-DNS -p $p -m $p -j DNAT --to-destination 10.244.1.53:53; done; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-SVC-WEB -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-PODA; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-SVC-WEB -j KUBE-SEP-PODB; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-SEP-PODA -p tcp -j DNAT --to-destination 10.244.1.2:8080; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-SEP-PODB -p tcp -j DNAT --to-destination 10.244.2.2:8080; done
ip netns exec node1 iptables -t nat -A KUBE-SVL-WEB -j KUBE-SEP-PODA
ip netns exec node2 iptables -t nat -A KUBE-SVL-WEB -j KUBE-SEP-PODB
