# Native nftables.
sysctl -w net.ipv4.ip_forward=1
nft add table ip nat
nft 'add chain ip nat postrouting { type nat hook postrouting priority srcnat; policy accept; }'
nft add rule ip nat postrouting oifname "veth-wan" masquerade
