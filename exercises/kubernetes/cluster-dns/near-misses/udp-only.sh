# expect-fail: service-tcp
# The DNS Service is programmed for UDP only. Queries work, until an answer
# is too big for UDP and the resolver retries over TCP (kube-dns has two
# ports, dns/UDP and dns-tcp/TCP, and kube-proxy writes rules for both).
ip netns exec coredns dnsmasq --no-resolv --no-hosts --local=/cluster.local/ --host-record=web.default.svc.cluster.local,10.96.0.20
ip netns exec node1 iptables -t nat -A PREROUTING -d 10.96.0.10 -p udp --dport 53 -j DNAT --to-destination 10.244.1.53:53
mkdir -p /etc/netns/pod-c
printf 'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n' >/etc/netns/pod-c/resolv.conf
