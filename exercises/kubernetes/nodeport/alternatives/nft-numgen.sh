# nftables: a nat table per node, numgen to pick an endpoint, and masquerade
# for whatever was DNATed and leaves through eth0 (kube-proxy's nftables mode
# builds the same from maps).
for n in node1 node2; do ip netns exec $n nft add table ip kube; done
for n in node1 node2; do ip netns exec $n nft add chain ip kube pre '{ type nat hook prerouting priority dstnat; }'; done
for n in node1 node2; do ip netns exec $n nft add chain ip kube post '{ type nat hook postrouting priority srcnat; }'; done
for n in node1 node2; do ip netns exec $n nft add rule ip kube pre fib daddr type local tcp dport 30080 dnat to numgen random mod 2 map '{ 0 : 10.244.1.2, 1 : 10.244.2.2 }' :8080; done
for n in node1 node2; do ip netns exec $n nft add rule ip kube post oifname eth0 ct status dnat masquerade; done
