# expect-fail: real-servers
# pod-b was never added: every connection goes to pod-a.
ip netns exec node1 ip link add kube-ipvs0 type dummy
ip netns exec node1 ip addr add 10.96.0.20/32 dev kube-ipvs0
ip netns exec node1 ipvsadm -A -t 10.96.0.20:80 -s rr
ip netns exec node1 ipvsadm -a -t 10.96.0.20:80 -r 10.244.1.2:8080 -m
