# expect-fail: app-reaches-gateway
# The gateway address is right, but its connected route to 10.0.1.0/24 is
# deleted: pings arrive, and the replies have no route back to app.
ip addr add 10.0.1.1/24 dev br0
ip route del 10.0.1.0/24 dev br0
ip -n app route add default via 10.0.1.1
ip -n db route add default via 10.0.1.1
