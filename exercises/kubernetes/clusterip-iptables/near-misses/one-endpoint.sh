# expect-fail: endpoints
# The Service works, but every connection lands on pod-a: pod-b is forgotten.
ip netns exec node1 iptables -t nat -A PREROUTING -d 10.96.0.20 -p tcp --dport 80 -j DNAT --to-destination 10.244.1.2:8080
