ip -n alpha neigh show 10.0.0.2
ip -n beta -br link show eth0
ip -n alpha neigh del 10.0.0.2 dev eth0
ip netns exec alpha ping -c 1 10.0.0.2
ip -n alpha neigh show 10.0.0.2
