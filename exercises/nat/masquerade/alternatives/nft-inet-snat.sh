# nftables snat in an inet table, matching the source prefix and output interface.
sysctl -w net.ipv4.conf.all.forwarding=1
nft add table inet edge
nft 'add chain inet edge out { type nat hook postrouting priority 100; }'
nft add rule inet edge out ip saddr 192.168.10.0/24 oif veth-wan snat ip to 203.0.113.1
