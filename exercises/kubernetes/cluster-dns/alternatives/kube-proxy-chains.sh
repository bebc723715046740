# What kube-proxy (iptables mode) writes for kube-dns, chain names included
# (16 base32 characters of a SHA-256 of "kube-system/kube-dns:dns" + "udp",
# of "...:dns-tcp" + "tcp", plus the endpoint for KUBE-SEP chains): one
# Service port per protocol. The records come from the Pod's own hosts file,
# as CoreDNS's hosts plugin would serve them: `ip netns exec coredns` mounts
# /etc/netns/coredns/hosts over /etc/hosts, which dnsmasq reads.
mkdir -p /etc/netns/coredns
printf '10.96.0.20\tweb.default.svc.cluster.local\n10.96.0.10\tkube-dns.kube-system.svc.cluster.local\n' >/etc/netns/coredns/hosts
ip netns exec coredns dnsmasq --no-resolv --local=/cluster.local/
ip netns exec node1 iptables -t nat -N KUBE-SERVICES
ip netns exec node1 iptables -t nat -N KUBE-SVC-TCOU7JCQXEZGVUNU
ip netns exec node1 iptables -t nat -N KUBE-SVC-ERIFXISQEP7F7OF4
ip netns exec node1 iptables -t nat -N KUBE-SEP-YNCIU67N6VYVMDY3
ip netns exec node1 iptables -t nat -N KUBE-SEP-5FNTWGDRS77YXSNO
ip netns exec node1 iptables -t nat -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
ip netns exec node1 iptables -t nat -A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU
ip netns exec node1 iptables -t nat -A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "kube-system/kube-dns:dns-tcp cluster IP" -m tcp --dport 53 -j KUBE-SVC-ERIFXISQEP7F7OF4
ip netns exec node1 iptables -t nat -A KUBE-SVC-TCOU7JCQXEZGVUNU -m comment --comment "kube-system/kube-dns:dns -> 10.244.1.53:53" -j KUBE-SEP-YNCIU67N6VYVMDY3
ip netns exec node1 iptables -t nat -A KUBE-SVC-ERIFXISQEP7F7OF4 -m comment --comment "kube-system/kube-dns:dns-tcp -> 10.244.1.53:53" -j KUBE-SEP-5FNTWGDRS77YXSNO
ip netns exec node1 iptables -t nat -A KUBE-SEP-YNCIU67N6VYVMDY3 -p udp -m comment --comment "kube-system/kube-dns:dns" -m udp -j DNAT --to-destination 10.244.1.53:53
ip netns exec node1 iptables -t nat -A KUBE-SEP-5FNTWGDRS77YXSNO -p tcp -m comment --comment "kube-system/kube-dns:dns-tcp" -m tcp -j DNAT --to-destination 10.244.1.53:53
mkdir -p /etc/netns/pod-c
printf 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n' >/etc/netns/pod-c/resolv.conf
