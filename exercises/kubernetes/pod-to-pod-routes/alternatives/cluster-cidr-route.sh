# One route for the whole cluster CIDR per node, pointing at the peer. The
# node's own /24 on cni0 is more specific, so its own Pods stay local; with
# two nodes everything else in 10.244.0.0/16 is on the other one. (With a
# third node this would be wrong: see the lesson.)
ip -n node1 route add 10.244.0.0/16 via 192.168.50.12
ip -n node2 route add 10.244.0.0/16 via 192.168.50.11
