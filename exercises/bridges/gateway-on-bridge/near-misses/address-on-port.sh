# expect-fail: gateway-address
# The gateway address lands on a bridge port instead of the bridge. Frames
# arriving on a port belong to the bridge, so nothing ever answers it.
ip addr add 10.0.1.1/24 dev veth-app
ip -n app route add default via 10.0.1.1
ip -n db route add default via 10.0.1.1
