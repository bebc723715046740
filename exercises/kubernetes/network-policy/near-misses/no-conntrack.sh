# expect-fail: b-outgoing
# The allowed flow and the drop, but nothing for replies: the answers to
# pod-b's own connections are ingress too, and they are dropped.
ip netns exec node2 iptables -A FORWARD -d 10.244.2.2 -s 10.244.1.2 -p tcp --dport 8080 -j ACCEPT
ip netns exec node2 iptables -A FORWARD -d 10.244.2.2 -j DROP
