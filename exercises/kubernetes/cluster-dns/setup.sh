# Start state (docs/cluster-dns.mdx draws it): k8s_service_cluster from
# exercises/_lib/k8s.sh (node1 192.168.50.11/24 and node2 192.168.50.12/24 on
# the root namespace's bridge lan, host-gw routes between the Pod CIDRs;
# pod-a 10.244.1.2 on node1 and pod-b 10.244.2.2 on node2 each serve their
# name on 8080; the client pod-c 10.244.1.3 on node1), plus:
# - the Pod coredns (10.244.1.53) on node1, where no DNS server runs yet;
# - the Service web (10.96.0.20:80 -> both Pods' 8080) already programmed on
#   node1 as in the ClusterIP chapter, so a name that resolves to it works.
# Nothing answers for the DNS Service 10.96.0.10 and pod-c has no resolver
# file of its own: it reads the root's, which names no server.
k8s_service_cluster
k8s_pod node1 coredns 10.244.1.53
ip netns exec node1 iptables -t nat -A PREROUTING -d 10.96.0.20 -p tcp --dport 80 -m statistic --mode random --probability 0.5 -j DNAT --to-destination 10.244.1.2:8080
ip netns exec node1 iptables -t nat -A PREROUTING -d 10.96.0.20 -p tcp --dport 80 -j DNAT --to-destination 10.244.2.2:8080
# The root's resolver files as the image has them (a learner's earlier edit
# would otherwise answer for pod-c, which inherits them).
printf '# No DNS server is configured yet: the DNS chapter starts one with dnsmasq.\n' >/etc/resolv.conf
printf '127.0.0.1\tlocalhost\n127.0.1.1\tlab\n::1\tlocalhost ip6-localhost ip6-loopback\n' >/etc/hosts
# First runs of the resolver tools read their files from disk, seconds on
# the emulated machine: do it now, not in the first check's live tests
# (the lookup fails at once: nothing listens on 127.0.0.1:53).
ip netns exec pod-c getent ahostsv4 netlab.invalid >/dev/null
drill -v >/dev/null
:
