# kube-proxy's IPVS mode, and the external name pointing at node1 only:
# node1 spreads NodePort connections over both endpoints
# (externalTrafficPolicy: Cluster, with the masquerade IPVS leaves to
# iptables), so both Pods answer although clients only ever use node1.
ip -n node1 route add 10.244.2.0/24 via 192.168.50.12
ip -n node2 route add 10.244.1.0/24 via 192.168.50.11
ip netns exec coredns dnsmasq --no-resolv --no-hosts --listen-address=10.244.1.53 --bind-interfaces --host-record=web.default.svc.cluster.local,10.96.0.20 --host-record=web.lab.example,192.168.50.11
for n in node1 node2; do ip -n $n link add kube-ipvs0 type dummy; done
for n in node1 node2; do ip -n $n addr add 10.96.0.10/32 dev kube-ipvs0; ip -n $n addr add 10.96.0.20/32 dev kube-ipvs0; done
for n in node1 node2; do ip netns exec $n ipvsadm -A -u 10.96.0.10:53 -s rr; ip netns exec $n ipvsadm -a -u 10.96.0.10:53 -r 10.244.1.53:53 -m; done
for n in node1 node2; do ip netns exec $n ipvsadm -A -t 10.96.0.10:53 -s rr; ip netns exec $n ipvsadm -a -t 10.96.0.10:53 -r 10.244.1.53:53 -m; done
for n in node1 node2; do ip netns exec $n ipvsadm -A -t 10.96.0.20:80 -s rr; for e in 10.244.1.2 10.244.2.2; do ip netns exec $n ipvsadm -a -t 10.96.0.20:80 -r $e:8080 -m; done; done
ip netns exec node1 ipvsadm -A -u 192.168.50.11:53 -s rr
ip netns exec node1 ipvsadm -a -u 192.168.50.11:53 -r 10.244.1.53:53 -m
ip netns exec node1 ipvsadm -A -t 192.168.50.11:30080 -s rr
for e in 10.244.1.2 10.244.2.2; do ip netns exec node1 ipvsadm -a -t 192.168.50.11:30080 -r $e:8080 -m; done
ip netns exec node1 sysctl -qw net.ipv4.vs.conntrack=1
ip netns exec node1 iptables -t nat -A PREROUTING -p tcp --dport 30080 -m addrtype --dst-type LOCAL -j MARK --set-xmark 0x4000/0x4000
ip netns exec node1 iptables -t nat -A POSTROUTING -m mark --mark 0x4000/0x4000 -j MASQUERADE
