# Inside pod-b's own namespace (as with a policy enforced in the Pod), with
# nftables: an input chain whose policy is drop.
ip netns exec pod-b nft add table inet podpol
ip netns exec pod-b nft add chain inet podpol filter_in '{ type filter hook input priority 0; policy drop; }'
ip netns exec pod-b nft add rule inet podpol filter_in ct state established,related accept
ip netns exec pod-b nft add rule inet podpol filter_in iif lo accept
ip netns exec pod-b nft add rule inet podpol filter_in ip saddr 10.244.1.2 tcp dport 8080 accept
