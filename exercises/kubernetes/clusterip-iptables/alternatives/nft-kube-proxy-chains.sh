# The shape of kube-proxy's nftables mode: a service chain that picks an
# endpoint chain with numgen and a verdict map, and one chain per endpoint
# holding its DNAT (kube-proxy's own names are longer and hashed).
ip netns exec node1 nft add table ip kube-proxy
ip netns exec node1 nft 'add chain ip kube-proxy nat-prerouting { type nat hook prerouting priority dstnat; }'
ip netns exec node1 nft add chain ip kube-proxy service-web
ip netns exec node1 nft add chain ip kube-proxy endpoint-pod-a
ip netns exec node1 nft add chain ip kube-proxy endpoint-pod-b
ip netns exec node1 nft add rule ip kube-proxy nat-prerouting ip daddr 10.96.0.20 tcp dport 80 goto service-web
ip netns exec node1 nft 'add rule ip kube-proxy service-web numgen random mod 2 vmap { 0 : goto endpoint-pod-a, 1 : goto endpoint-pod-b }'
ip netns exec node1 nft add rule ip kube-proxy endpoint-pod-a meta l4proto tcp dnat to 10.244.1.2:8080
ip netns exec node1 nft add rule ip kube-proxy endpoint-pod-b meta l4proto tcp dnat to 10.244.2.2:8080
