# host-gw routes kept out of the main table, in a table of their own that a
# policy rule selects by destination (the way some CNI plugins, such as the
# AWS VPC CNI, keep their routes apart). `ip route` in main shows nothing;
# `ip rule` and `ip route show table 100` do.
ip -n node1 route add 10.244.2.0/24 via 192.168.50.12 dev eth0 table 100
ip -n node1 rule add to 10.244.2.0/24 lookup 100 priority 100
ip -n node2 route add 10.244.1.0/24 via 192.168.50.11 dev eth0 table 100
ip -n node2 rule add to 10.244.1.0/24 lookup 100 priority 100
