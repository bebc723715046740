# expect-fail: app-default-route
# The default routes point at an address nobody has.
ip addr add 10.0.1.1/24 dev br0
ip -n app route add default via 10.0.1.254
ip -n db route add default via 10.0.1.254
