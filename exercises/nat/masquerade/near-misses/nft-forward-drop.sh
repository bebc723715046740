# expect-fail: reach
# nftables NAT, and an nftables forward chain whose policy drops what no rule accepts.
sysctl -w net.ipv4.ip_forward=1
nft add table inet fw
nft 'add chain inet fw post { type nat hook postrouting priority srcnat; }'
nft add rule inet fw post oifname "veth-wan" masquerade
nft 'add chain inet fw forward { type filter hook forward priority filter; policy drop; }'
nft add rule inet fw forward iifname "veth-wan" oifname "veth-lan" accept
