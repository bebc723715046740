# expect-fail: gateway-address
# Without /24 the address is a /32: the root namespace then has no route back to 10.0.1.0/24.
ip addr add 10.0.1.1 dev br0
ip -n app route add default via 10.0.1.1
ip -n db route add default via 10.0.1.1
