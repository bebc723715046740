ip netns exec coredns dnsmasq --no-resolv --no-hosts --local=/cluster.local/ --host-record=web.default.svc.cluster.local,10.96.0.20
ip netns exec node1 iptables -t nat -A PREROUTING -d 10.96.0.10 -p udp --dport 53 -j DNAT --to-destination 10.244.1.53:53
ip netns exec node1 iptables -t nat -A PREROUTING -d 10.96.0.10 -p tcp --dport 53 -j DNAT --to-destination 10.244.1.53:53
mkdir -p /etc/netns/pod-c
printf 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n' >/etc/netns/pod-c/resolv.conf
