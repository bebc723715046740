# Native nftables: one table with a dnat and a masquerade chain.
sysctl -w net.ipv4.ip_forward=1
nft add table ip docker
nft 'add chain ip docker prerouting { type nat hook prerouting priority dstnat; }'
nft add rule ip docker prerouting ip daddr 198.51.100.1 tcp dport 8080 dnat to 172.17.0.2:80
nft 'add chain ip docker postrouting { type nat hook postrouting priority srcnat; }'
nft add rule ip docker postrouting ip saddr 172.17.0.0/16 oifname != docker0 masquerade
