# Native nftables: one rule catches both protocols (`th dport` is the
# transport header's port, whatever the protocol). dnsmasq's --address with
# no address answers NXDOMAIN for the whole zone, except the names it has
# records for. pod-c's resolver file has two more options (a Pod's
# dnsConfig can add them): wait 2 s per query, try each server twice.
ip netns exec coredns dnsmasq --no-resolv --no-hosts --address=/cluster.local/ --host-record=web.default.svc.cluster.local,10.96.0.20
ip netns exec node1 nft add table ip svc
ip netns exec node1 nft 'add chain ip svc prerouting { type nat hook prerouting priority dstnat; }'
ip netns exec node1 nft 'add rule ip svc prerouting ip daddr 10.96.0.10 meta l4proto { tcp, udp } th dport 53 dnat to 10.244.1.53:53'
mkdir -p /etc/netns/pod-c
printf 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5 timeout:2 attempts:2\n' >/etc/netns/pod-c/resolv.conf
