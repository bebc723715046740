# expect-fail: blue-address
# blue's address has no prefix length, so ip uses /32 and blue has no route back to red.
ip netns add red
ip netns add blue
ip link add br0 type bridge
ip link set br0 up
ip link add veth-red type veth peer name eth0 netns red
ip link add veth-blue type veth peer name eth0 netns blue
ip link set veth-red master br0
ip link set veth-blue master br0
ip link set veth-red up
ip link set veth-blue up
ip -n red addr add 10.0.0.1/24 dev eth0
ip -n blue addr add 10.0.0.2 dev eth0
ip -n red link set eth0 up
ip -n blue link set eth0 up
