# kube-proxy's IPVS mode: 10.96.0.10 on the dummy kube-ipvs0 so node1 takes
# the packets in, and one virtual server per protocol (-u UDP, -t TCP)
# masquerading to the coredns Pod.
ip netns exec coredns dnsmasq --no-resolv --no-hosts --local=/cluster.local/ --host-record=web.default.svc.cluster.local,10.96.0.20
ip netns exec node1 ip link add kube-ipvs0 type dummy
ip netns exec node1 ip addr add 10.96.0.10/32 dev kube-ipvs0
ip netns exec node1 ipvsadm -A -u 10.96.0.10:53 -s rr
ip netns exec node1 ipvsadm -a -u 10.96.0.10:53 -r 10.244.1.53:53 -m
ip netns exec node1 ipvsadm -A -t 10.96.0.10:53 -s rr
ip netns exec node1 ipvsadm -a -t 10.96.0.10:53 -r 10.244.1.53:53 -m
mkdir -p /etc/netns/pod-c
printf 'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n' >/etc/netns/pod-c/resolv.conf
