# Native nftables: one rule picks an endpoint with a random number, the way
# kube-proxy's nftables mode spreads connections (it jumps to per-endpoint
# chains through a vmap; a map of address . port does it in one rule).
ip netns exec node1 nft add table ip svc
ip netns exec node1 nft 'add chain ip svc prerouting { type nat hook prerouting priority dstnat; }'
ip netns exec node1 nft 'add rule ip svc prerouting ip daddr 10.96.0.20 tcp dport 80 dnat ip addr . port to numgen random mod 2 map { 0 : 10.244.1.2 . 8080, 1 : 10.244.2.2 . 8080 }'
