# nftables with an anonymous set of output interfaces, as for a router with two uplinks.
sysctl -w net.ipv4.ip_forward=1
nft add table inet edge
nft 'add chain inet edge post { type nat hook postrouting priority srcnat; }'
nft 'add rule inet edge post oifname { "wan0", "veth-wan" } masquerade'
