# expect-fail: cross-node-snat
# The solution without the MASQUERADE: a connection a node hands to the
# other node's Pod is answered by that Pod straight to ext, from its own
# address, and hangs.
ip -n node1 route add 10.244.2.0/24 via 192.168.50.12
ip -n node2 route add 10.244.1.0/24 via 192.168.50.11
ip netns exec coredns dnsmasq --no-resolv --no-hosts --listen-address=10.244.1.53 --bind-interfaces --host-record=web.default.svc.cluster.local,10.96.0.20 --host-record=web.lab.example,192.168.50.11 --host-record=web.lab.example,192.168.50.12
for n in node1 node2; do for p in udp tcp; do ip netns exec $n iptables -t nat -A PREROUTING -d 10.96.0.10 -p $p --dport 53 -j DNAT --to-destination 10.244.1.53:53; done; done
ip netns exec node1 iptables -t nat -A PREROUTING -d 192.168.50.11 -p udp --dport 53 -j DNAT --to-destination 10.244.1.53:53
for n in node1 node2; do ip netns exec $n iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -m statistic --mode random --probability 0.5 -j DNAT --to-destination 10.244.1.2:8080; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -j DNAT --to-destination 10.244.2.2:8080; done
