# expect-fail: address
# The bond is right, but the address went on eth1, a slave.
ip -n server link add bond0 type bond mode active-backup miimon 100
ip -n server link set eth0 down
ip -n server link set eth1 down
ip -n server link set eth0 master bond0
ip -n server link set eth1 master bond0
ip -n server addr add 10.30.0.1/24 dev eth1
ip -n server link set bond0 up
