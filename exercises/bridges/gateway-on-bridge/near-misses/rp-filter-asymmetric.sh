# expect-fail: db-reaches-root
# A second cable from the root namespace into db, and a host route that sends
# replies to db through it. With strict reverse-path filtering on br0, db's
# packets arriving there look spoofed: the route back to 10.0.1.20 is not via br0.
ip addr add 10.0.1.1/24 dev br0
ip -n app route add default via 10.0.1.1
ip -n db route add default via 10.0.1.1
ip link add veth-db2 type veth peer name eth1 netns db
ip link set veth-db2 up
ip -n db link set eth1 up
ip route add 10.0.1.20/32 dev veth-db2
sysctl -w net.ipv4.conf.all.rp_filter=1
