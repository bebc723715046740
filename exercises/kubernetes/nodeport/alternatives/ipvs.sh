# kube-proxy's IPVS mode: a virtual server per node address and NodePort,
# round robin over both endpoints (NAT forwarding). IPVS does not rewrite the
# source, so, as kube-proxy does, an iptables mark picks the NodePort traffic
# and MASQUERADE applies to it; net.ipv4.vs.conntrack=1 lets netfilter's NAT
# see IPVS connections.
ip netns exec node1 ipvsadm -A -t 192.168.50.11:30080 -s rr
ip netns exec node1 ipvsadm -a -t 192.168.50.11:30080 -r 10.244.1.2:8080 -m
ip netns exec node1 ipvsadm -a -t 192.168.50.11:30080 -r 10.244.2.2:8080 -m
ip netns exec node2 ipvsadm -A -t 192.168.50.12:30080 -s rr
ip netns exec node2 ipvsadm -a -t 192.168.50.12:30080 -r 10.244.1.2:8080 -m
ip netns exec node2 ipvsadm -a -t 192.168.50.12:30080 -r 10.244.2.2:8080 -m
for n in node1 node2; do ip netns exec $n sysctl -qw net.ipv4.vs.conntrack=1; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -j MARK --set-xmark 0x4000/0x4000; done
for n in node1 node2; do ip netns exec $n iptables -t nat -A POSTROUTING -m mark --mark 0x4000/0x4000 -j MASQUERADE; done
