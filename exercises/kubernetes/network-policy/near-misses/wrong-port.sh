# expect-fail: a-allowed
# The policy's port taken from the wrong side (the Service's port 80): pod-a
# is allowed to a port nothing listens on, and dropped on 8080.
ip netns exec node2 iptables -A FORWARD -d 10.244.2.2 -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ip netns exec node2 iptables -A FORWARD -d 10.244.2.2 -s 10.244.1.2 -p tcp --dport 80 -j ACCEPT
ip netns exec node2 iptables -A FORWARD -d 10.244.2.2 -j DROP
