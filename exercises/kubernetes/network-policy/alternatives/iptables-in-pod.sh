# iptables in pod-b's INPUT chain: policy DROP, replies and loopback first.
ip netns exec pod-b iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ip netns exec pod-b iptables -A INPUT -i lo -j ACCEPT
ip netns exec pod-b iptables -A INPUT -s 10.244.1.2 -p tcp --dport 8080 -j ACCEPT
ip netns exec pod-b iptables -P INPUT DROP
