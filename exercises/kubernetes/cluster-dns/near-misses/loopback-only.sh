# expect-fail: server
# dnsmasq bound to 127.0.0.1 only, as a node-local cache would be: the
# queries the Service translates arrive on the Pod's eth0 address, where no
# socket listens.
ip netns exec coredns dnsmasq --no-resolv --no-hosts --listen-address=127.0.0.1 --bind-interfaces --local=/cluster.local/ --host-record=web.default.svc.cluster.local,10.96.0.20
ip netns exec node1 iptables -t nat -A PREROUTING -d 10.96.0.10 -p udp --dport 53 -j DNAT --to-destination 10.244.1.53:53
ip netns exec node1 iptables -t nat -A PREROUTING -d 10.96.0.10 -p tcp --dport 53 -j DNAT --to-destination 10.244.1.53:53
mkdir -p /etc/netns/pod-c
printf 'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n' >/etc/netns/pod-c/resolv.conf
