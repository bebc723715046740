# In node2's forward hook with an nftables set of allowed sources, the way
# policy engines keep one rule however many Pods a selector matches.
ip netns exec node2 nft add table inet kube-policy
ip netns exec node2 nft add set inet kube-policy web-ingress '{ type ipv4_addr; }'
ip netns exec node2 nft add element inet kube-policy web-ingress '{ 10.244.1.2 }'
ip netns exec node2 nft add chain inet kube-policy forward '{ type filter hook forward priority 0; }'
ip netns exec node2 nft add rule inet kube-policy forward ip daddr 10.244.2.2 ct state established,related accept
ip netns exec node2 nft add rule inet kube-policy forward ip daddr 10.244.2.2 ip saddr @web-ingress tcp dport 8080 accept
ip netns exec node2 nft add rule inet kube-policy forward ip daddr 10.244.2.2 drop
