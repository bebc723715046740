# nftables in one inet table: dnat plus a default-deny forward chain.
sysctl -w net.ipv4.ip_forward=1
nft add table inet gw
nft 'add chain inet gw pre { type nat hook prerouting priority dstnat; }'
nft add rule inet gw pre iifname veth-wan tcp dport 8080 dnat ip to 192.168.10.2:80
nft 'add chain inet gw forward_filter { type filter hook forward priority filter; policy drop; }'
nft add rule inet gw forward_filter ct state established,related accept
nft add rule inet gw forward_filter ct status dnat ip daddr 192.168.10.2 tcp dport 80 accept
