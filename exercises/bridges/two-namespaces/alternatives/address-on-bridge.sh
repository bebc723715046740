# Gives br0 an address of its own too (allowed), and creates the pairs in the other direction.
ip netns add red
ip netns add blue
ip link add br0 type bridge
ip addr add 10.0.0.254/24 dev br0
ip link set br0 up
ip netns exec red ip link add eth1 type veth peer name red-br netns 1
ip netns exec blue ip link add eth1 type veth peer name blue-br netns 1
ip link set red-br master br0 up
ip link set blue-br master br0 up
ip -n red addr add 10.0.0.1/24 dev eth1
ip -n blue addr add 10.0.0.2/24 dev eth1
ip -n red link set eth1 up
ip -n blue link set eth1 up
ip -n red link set lo up
