# expect-fail: a-allowed
# Allowing node1's address, as if pod-a's packets left node1 with it: there
# is no NAT between Pods, they arrive from 10.244.1.2.
ip netns exec node2 iptables -A FORWARD -d 10.244.2.2 -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ip netns exec node2 iptables -A FORWARD -d 10.244.2.2 -s 192.168.50.11 -p tcp --dport 8080 -j ACCEPT
ip netns exec node2 iptables -A FORWARD -d 10.244.2.2 -j DROP
