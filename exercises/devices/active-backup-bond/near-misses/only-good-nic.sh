# expect-fail: bond-slaves
# Only the NIC that works goes into the bond: traffic flows today, but there
# is nothing to fail over to.
ip -n server link add bond0 type bond mode active-backup miimon 100
ip -n server link set eth1 down
ip -n server link set eth1 master bond0
ip -n server addr add 10.30.0.1/24 dev bond0
ip -n server link set bond0 up
