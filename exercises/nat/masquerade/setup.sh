# Start state: lan (192.168.10.2/24, default via 192.168.10.1) and wan
# (203.0.113.2/24, no route back) joined to the root namespace by veths;
# forwarding off, no firewall rules (the shared reset that runs first sees to both).
ip netns add lan
ip netns add wan
ip link add veth-lan type veth peer name eth0 netns lan
ip link add veth-wan type veth peer name eth0 netns wan
ip addr add 192.168.10.1/24 dev veth-lan
ip addr add 203.0.113.1/24 dev veth-wan
ip link set veth-lan up
ip link set veth-wan up
ip -n lan addr add 192.168.10.2/24 dev eth0
ip -n wan addr add 203.0.113.2/24 dev eth0
for ns in lan wan; do ip -n "$ns" link set lo up; ip -n "$ns" link set eth0 up; done
ip -n lan route add default via 192.168.10.1
