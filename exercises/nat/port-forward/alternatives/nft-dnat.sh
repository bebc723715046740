# Native nftables.
sysctl -w net.ipv4.ip_forward=1
nft add table ip nat
nft 'add chain ip nat prerouting { type nat hook prerouting priority dstnat; policy accept; }'
nft add rule ip nat prerouting ip daddr 203.0.113.1 tcp dport 8080 dnat to 192.168.10.2:80
