# expect-fail: pod-to-pod
# Services and DNS done, but no Pod routes between the nodes: node1 has no
# route to pod-b, so the connections it hands to pod-b go nowhere.
ip netns exec coredns dnsmasq --no-resolv --no-hosts --listen-address=10.244.1.53 --bind-interfaces --host-record=web.default.svc.cluster.local,10.96.0.20 --host-record=web.lab.example,192.168.50.11 --host-record=web.lab.example,192.168.50.12
for n in node1 node2; do for p in udp tcp; do ip netns exec $n iptables -t nat -A PREROUTING -d 10.96.0.10 -p $p --dport 53 -j DNAT --to-destination 10.244.1.53:53; done; done
ip netns exec node1 iptables -t nat -A PREROUTING -d 192.168.50.11 -p udp --dport 53 -j DNAT --to-destination 10.244.1.53:53
for n in node1 node2; do ip netns exec $n iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -m statistic --mode random --probability 0.5 -j DNAT --to-destination 10.244.1.2:8080; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -j DNAT --to-destination 10.244.2.2:8080; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A POSTROUTING -o eth0 -m conntrack --ctstate DNAT -j MASQUERADE; done
