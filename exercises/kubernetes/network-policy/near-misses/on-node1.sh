# expect-fail: node1-denied
# Rules on node1, where pod-a and pod-c live: they stop what pod-c forwards
# through node1, but pod-b is not protected from anything else (node1's own
# connections here, any other node or Pod in a cluster).
ip netns exec node1 iptables -A FORWARD -d 10.244.2.2 -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ip netns exec node1 iptables -A FORWARD -d 10.244.2.2 -s 10.244.1.2 -p tcp --dport 8080 -j ACCEPT
ip netns exec node1 iptables -A FORWARD -d 10.244.2.2 -j DROP
