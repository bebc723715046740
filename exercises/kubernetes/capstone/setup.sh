# Start state (docs/capstone.mdx draws it): the two nodes of exercises/_lib/k8s.sh
# (node1 192.168.50.11/24 and node2 192.168.50.12/24 on the root namespace's
# bridge lan, cni0 10.244.1.1/24 and 10.244.2.1/24) WITHOUT routes between the
# Pod CIDRs; the endpoints of Service web, pod-a 10.244.1.2 on node1 and pod-b
# 10.244.2.2 on node2, each serving its name on 8080; a Pod coredns
# (10.244.1.53, node1) where nothing runs yet; and a client outside the
# cluster, ext 192.168.50.100/24 on lan, whose resolver is node1.
k8s_cluster
k8s_pod node1 pod-a 10.244.1.2
k8s_pod node2 pod-b 10.244.2.2
k8s_pod node1 coredns 10.244.1.53
k8s_serve pod-a 8080
k8s_serve pod-b 8080
ip netns add ext
ip link add ext-eth0 type veth peer name eth0 netns ext
ip link set ext-eth0 master lan up
ip -n ext link set lo up
ip -n ext addr add 192.168.50.100/24 dev eth0
ip -n ext link set eth0 up
# `ip netns exec ext` reads these in place of /etc/resolv.conf: ext asks node1,
# as a LAN whose DNS server forwards the cluster's zone would; pod-a's is what
# the kubelet writes for a Pod with dnsPolicy ClusterFirst.
mkdir -p /etc/netns/ext /etc/netns/pod-a
printf 'nameserver 192.168.50.11\n' >/etc/netns/ext/resolv.conf
printf 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n' >/etc/netns/pod-a/resolv.conf
