# expect-fail: gateway-address
# The gateway address lands on a bridge port instead of the bridge. br0 answers
# ARP for it (arp_ignore=0), but the replies leave through the port itself and
# never reach app or db.
ip addr add 10.0.1.1/24 dev veth-app
ip -n app route add default via 10.0.1.1
ip -n db route add default via 10.0.1.1
