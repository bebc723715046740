# A VXLAN overlay (Flannel's vxlan backend) instead of host-gw routes, nftables
# instead of iptables, and dnsmasq reading its records from a hosts-style file.
ip -n node1 link add flannel.1 type vxlan id 1 dstport 8472 local 192.168.50.11 dev eth0 nolearning
ip -n node1 addr add 10.244.1.0/32 dev flannel.1
ip -n node1 link set flannel.1 up
ip -n node2 link add flannel.1 type vxlan id 1 dstport 8472 local 192.168.50.12 dev eth0 nolearning
ip -n node2 addr add 10.244.2.0/32 dev flannel.1
ip -n node2 link set flannel.1 up
MAC1=$(ip -n node1 -j link show flannel.1 | jq -r '.[0].address')
MAC2=$(ip -n node2 -j link show flannel.1 | jq -r '.[0].address')
ip -n node1 route add 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink
ip -n node1 neigh replace 10.244.2.0 lladdr "$MAC2" dev flannel.1 nud permanent
bridge -n node1 fdb append "$MAC2" dev flannel.1 dst 192.168.50.12 self permanent
ip -n node2 route add 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink
ip -n node2 neigh replace 10.244.1.0 lladdr "$MAC1" dev flannel.1 nud permanent
bridge -n node2 fdb append "$MAC1" dev flannel.1 dst 192.168.50.11 self permanent
mkdir -p /run/coredns
printf '10.96.0.20 web.default.svc.cluster.local\n192.168.50.11 web.lab.example\n192.168.50.12 web.lab.example\n' >/run/coredns/hosts
ip netns exec coredns dnsmasq --no-resolv --no-hosts --addn-hosts=/run/coredns/hosts --listen-address=10.244.1.53 --bind-interfaces
for n in node1 node2; do ip netns exec $n nft add table ip kube; done
for n in node1 node2; do ip netns exec $n nft add chain ip kube pre '{ type nat hook prerouting priority dstnat; }'; done
for n in node1 node2; do ip netns exec $n nft add chain ip kube post '{ type nat hook postrouting priority srcnat; }'; done
for n in node1 node2; do ip netns exec $n nft add rule ip kube pre ip daddr 10.96.0.10 meta l4proto '{ tcp, udp }' th dport 53 dnat to 10.244.1.53; done
ip netns exec node1 nft add rule ip kube pre ip daddr 192.168.50.11 udp dport 53 dnat to 10.244.1.53
for n in node1 node2; do ip netns exec $n nft add rule ip kube pre ip daddr 10.96.0.20 tcp dport 80 dnat to numgen random mod 2 map '{ 0 : 10.244.1.2, 1 : 10.244.2.2 }' :8080; done
for n in node1 node2; do ip netns exec $n nft add rule ip kube pre fib daddr type local tcp dport 30080 dnat to numgen random mod 2 map '{ 0 : 10.244.1.2, 1 : 10.244.2.2 }' :8080; done
# The other node's Pods are behind flannel.1 now, not eth0: masquerade whatever was DNATed and does not stay on this node's cni0.
for n in node1 node2; do ip netns exec $n nft add rule ip kube post oifname != cni0 ct status dnat masquerade; done
