# Start state: alpha (10.0.0.1/24) and beta (10.0.0.2/24) on bridge br0, all
# up and correct, except one thing: alpha's neighbour table pins 10.0.0.2 to a
# MAC address no interface has. A PERMANENT entry never expires and is never
# re-resolved by ARP, so it stays wrong until someone removes it.
ip netns add alpha
ip netns add beta
ip link add br0 type bridge
ip link set br0 up
ip link add veth-alpha type veth peer name eth0 netns alpha
ip link add veth-beta type veth peer name eth0 netns beta
ip link set veth-alpha master br0
ip link set veth-beta master br0
ip link set veth-alpha up
ip link set veth-beta up
ip -n alpha addr add 10.0.0.1/24 dev eth0
ip -n beta addr add 10.0.0.2/24 dev eth0
for ns in alpha beta; do ip -n "$ns" link set lo up; ip -n "$ns" link set eth0 up; done
ip -n alpha neigh add 10.0.0.2 lladdr 02:00:00:00:00:99 dev eth0 nud permanent
