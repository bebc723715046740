# expect-fail: vip-local
# The virtual server is right, but 10.96.0.20 is on no device of node1: IPVS
# only sees packets delivered locally, and node1 routes these away instead.
ip netns exec node1 ipvsadm -A -t 10.96.0.20:80 -s rr
ip netns exec node1 ipvsadm -a -t 10.96.0.20:80 -r 10.244.1.2:8080 -m
ip netns exec node1 ipvsadm -a -t 10.96.0.20:80 -r 10.244.2.2:8080 -m
