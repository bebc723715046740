# expect-fail: a-to-b
# The routes go into the Pods instead of the nodes: each Pod now believes the
# other Pod CIDR is on its own link and ARPs for it on its node's cni0, where
# nobody has that address.
ip -n pod-a route add 10.244.2.0/24 dev eth0
ip -n pod-b route add 10.244.1.0/24 dev eth0
