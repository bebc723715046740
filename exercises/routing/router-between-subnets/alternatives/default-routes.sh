# Default routes instead of subnet routes: each host sends everything off its
# own link to router.
ip -n left route add default via 10.1.0.1
ip -n right route add default via 10.2.0.1
ip netns exec router sysctl -w net.ipv4.ip_forward=1
