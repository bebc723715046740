# nftables verdict map: the output interface picks a chain that masquerades.
sysctl -w net.ipv4.ip_forward=1
nft add table ip edge
nft add chain ip edge to-wan
nft add rule ip edge to-wan masquerade
nft 'add chain ip edge post { type nat hook postrouting priority srcnat; }'
nft 'add rule ip edge post oifname vmap { "veth-wan" : jump to-wan }'
