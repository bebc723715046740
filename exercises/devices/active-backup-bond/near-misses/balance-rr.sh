# expect-fail: bond-mode
# The bond's default mode, balance-rr, with link monitoring: pings get through
# (the dead slave is skipped), but it is not the active-backup bond asked for.
ip -n server link add bond0 type bond miimon 100
ip -n server link set eth0 down
ip -n server link set eth1 down
ip -n server link set eth0 master bond0
ip -n server link set eth1 master bond0
ip -n server addr add 10.30.0.1/24 dev bond0
ip -n server link set bond0 up
