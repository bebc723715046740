# One covering prefix, 10.0.0.0/8, on each side: the connected /24 still wins
# for the host's own subnet (longest prefix), the /8 takes the rest.
# Forwarding through conf.all, which sets every interface like ip_forward.
ip -n left route add 10.0.0.0/8 via 10.1.0.1
ip -n right route add 10.0.0.0/8 via 10.2.0.1
ip netns exec router sysctl -w net.ipv4.conf.all.forwarding=1
