# expect-fail: records
# The record names a Pod (pod-a's 10.244.1.2) instead of the Service's
# ClusterIP: it resolves, but every client lands on one Pod, on its port
# 8080 rather than the Service's 80, and breaks when that Pod is replaced.
ip netns exec coredns dnsmasq --no-resolv --no-hosts --local=/cluster.local/ --host-record=web.default.svc.cluster.local,10.244.1.2
ip netns exec node1 iptables -t nat -A PREROUTING -d 10.96.0.10 -p udp --dport 53 -j DNAT --to-destination 10.244.1.53:53
ip netns exec node1 iptables -t nat -A PREROUTING -d 10.96.0.10 -p tcp --dport 53 -j DNAT --to-destination 10.244.1.53:53
mkdir -p /etc/netns/pod-c
printf 'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n' >/etc/netns/pod-c/resolv.conf
