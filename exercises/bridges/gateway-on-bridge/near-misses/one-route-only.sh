# expect-fail: db-default-route
# app gets its default route, db is forgotten.
ip addr add 10.0.1.1/24 dev br0
ip -n app route add default via 10.0.1.1
