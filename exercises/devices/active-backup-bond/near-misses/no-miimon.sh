# expect-fail: link-monitor
# No miimon: `ip link add ... type bond` leaves it at 0, so the bond never
# looks at carrier, takes eth0 (enslaved first) as active and sends into the
# unplugged cable.
ip -n server link add bond0 type bond mode active-backup
ip -n server link set eth0 down
ip -n server link set eth1 down
ip -n server link set eth0 master bond0
ip -n server link set eth1 master bond0
ip -n server addr add 10.30.0.1/24 dev bond0
ip -n server link set bond0 up
