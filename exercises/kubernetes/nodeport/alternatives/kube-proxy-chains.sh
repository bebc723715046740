# The layout kube-proxy's iptables mode writes on every node (chain suffixes
# are hashes in a real cluster): KUBE-SERVICES, with KUBE-NODEPORTS last for
# packets to a local address, then KUBE-EXT-* marks the connection for
# masquerade (externalTrafficPolicy: Cluster) and picks an endpoint in
# KUBE-SVC-*; KUBE-POSTROUTING masquerades what carries the mark.
for n in node1 node2; do for c in KUBE-SERVICES KUBE-NODEPORTS KUBE-EXT-WEB KUBE-SVC-WEB KUBE-SEP-PODA KUBE-SEP-PODB KUBE-MARK-MASQ KUBE-POSTROUTING; do ip netns exec $n iptables -t nat -N $c; done; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-POSTROUTING -j MARK --xor-mark 0x4000; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-SERVICES -d 10.96.0.20/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-WEB; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-SERVICES -m comment --comment "kubernetes service nodeports" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-NODEPORTS -p tcp -m comment --comment "default/web" -m tcp --dport 30080 -j KUBE-EXT-WEB; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-EXT-WEB -m comment --comment "masquerade traffic for default/web external destinations" -j KUBE-MARK-MASQ; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-EXT-WEB -j KUBE-SVC-WEB; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-SVC-WEB -m comment --comment "default/web -> 10.244.1.2:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-PODA; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-SVC-WEB -m comment --comment "default/web -> 10.244.2.2:8080" -j KUBE-SEP-PODB; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-SEP-PODA -s 10.244.1.2/32 -j KUBE-MARK-MASQ; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-SEP-PODA -p tcp -m tcp -j DNAT --to-destination 10.244.1.2:8080; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-SEP-PODB -s 10.244.2.2/32 -j KUBE-MARK-MASQ; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A KUBE-SEP-PODB -p tcp -m tcp -j DNAT --to-destination 10.244.2.2:8080; done
