# Inside pod-b's own namespace (as with a policy enforced in the Pod), with
# nftables: an input chain whose policy is drop.
ip netns exec pod-b nft add table inet policy
ip netns exec pod-b nft add chain inet policy ingress '{ type filter hook input priority 0; policy drop; }'
ip netns exec pod-b nft add rule inet policy ingress ct state established,related accept
ip netns exec pod-b nft add rule inet policy ingress iif lo accept
ip netns exec pod-b nft add rule inet policy ingress ip saddr 10.244.1.2 tcp dport 8080 accept
