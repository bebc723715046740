# expect-fail: gateway-address
# The gateway address lands on a bridge port instead of the bridge. br0 answers
# ARP for it (arp_ignore=0), but replies go out through the port, whose ARP
# answers the bridge takes: the neighbour stays INCOMPLETE, no reply leaves.
ip addr add 10.0.1.1/24 dev veth-app
ip -n app route add default via 10.0.1.1
ip -n db route add default via 10.0.1.1
