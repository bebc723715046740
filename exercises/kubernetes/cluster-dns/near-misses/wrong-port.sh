# expect-fail: service-udp
# CoreDNS's container listens on 53, but a port from somewhere else (5353,
# mDNS, or a non-root CoreDNS's 1053) ends up as the target port: the
# translated queries reach a port where nothing listens.
ip netns exec coredns dnsmasq --no-resolv --no-hosts --local=/cluster.local/ --host-record=web.default.svc.cluster.local,10.96.0.20
ip netns exec node1 iptables -t nat -A PREROUTING -d 10.96.0.10 -p udp --dport 53 -j DNAT --to-destination 10.244.1.53:5353
ip netns exec node1 iptables -t nat -A PREROUTING -d 10.96.0.10 -p tcp --dport 53 -j DNAT --to-destination 10.244.1.53:5353
mkdir -p /etc/netns/pod-c
printf 'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n' >/etc/netns/pod-c/resolv.conf
