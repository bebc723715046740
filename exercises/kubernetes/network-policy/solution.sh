# Where Calico enforces: in node2, on what is forwarded to pod-b. Replies to
# pod-b's own connections first, then the one allowed flow, then drop the rest.
ip netns exec node2 iptables -A FORWARD -d 10.244.2.2 -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ip netns exec node2 iptables -A FORWARD -d 10.244.2.2 -s 10.244.1.2 -p tcp --dport 8080 -j ACCEPT
ip netns exec node2 iptables -A FORWARD -d 10.244.2.2 -j DROP
