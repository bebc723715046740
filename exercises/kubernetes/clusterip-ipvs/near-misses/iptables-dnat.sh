# expect-fail: ipvs-service
# The previous lab's answer: it works, but this lab is about IPVS.
ip netns exec node1 iptables -t nat -A PREROUTING -d 10.96.0.20 -p tcp --dport 80 -m statistic --mode random --probability 0.5 -j DNAT --to-destination 10.244.1.2:8080
ip netns exec node1 iptables -t nat -A PREROUTING -d 10.96.0.20 -p tcp --dport 80 -j DNAT --to-destination 10.244.2.2:8080
