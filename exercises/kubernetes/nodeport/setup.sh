# Start state (docs/nodeport.mdx draws it): the Services chapters' cluster from
# exercises/_lib/k8s.sh (node1 192.168.50.11/24 and node2 192.168.50.12/24 on
# the root namespace's bridge lan, host-gw routes between the Pod CIDRs, the
# endpoints of Service web, pod-a 10.244.1.2 on node1 and pod-b 10.244.2.2 on
# node2, each serving its name on 8080, and the client pod-c 10.244.1.3), plus
# a client outside the cluster: namespace ext, 192.168.50.100/24 on lan
# through the veth ext-eth0. ext knows only the LAN: no route to Pod CIDRs.
k8s_service_cluster
ip netns add ext
ip link add ext-eth0 type veth peer name eth0 netns ext
ip link set ext-eth0 master lan up
ip -n ext link set lo up
ip -n ext addr add 192.168.50.100/24 dev eth0
ip -n ext link set eth0 up
