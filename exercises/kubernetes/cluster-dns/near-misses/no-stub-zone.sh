# expect-fail: search-misses
# dnsmasq without --local=/cluster.local/: it knows web's record but has no
# upstream, so it REFUSES every other name. A REFUSED ends the resolver's
# walk down the search list (it then asks the name as written, web.default.,
# refused too): web.default never gets to its second candidate,
# web.default.svc.cluster.local.
ip netns exec coredns dnsmasq --no-resolv --no-hosts --host-record=web.default.svc.cluster.local,10.96.0.20
ip netns exec node1 iptables -t nat -A PREROUTING -d 10.96.0.10 -p udp --dport 53 -j DNAT --to-destination 10.244.1.53:53
ip netns exec node1 iptables -t nat -A PREROUTING -d 10.96.0.10 -p tcp --dport 53 -j DNAT --to-destination 10.244.1.53:53
mkdir -p /etc/netns/pod-c
printf 'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n' >/etc/netns/pod-c/resolv.conf
