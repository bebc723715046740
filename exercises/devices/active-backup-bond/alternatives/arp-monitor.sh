# ARP monitoring instead of MII: every 200 ms the bond asks the client for its
# MAC through the active slave and fails over when the answers stop. Other
# bond name, and the slaves added before the address.
ip -n server link add uplink type bond mode active-backup arp_interval 200 arp_ip_target 10.30.0.2
ip -n server link set eth0 down
ip -n server link set eth1 down
ip -n server link set eth0 master uplink
ip -n server link set eth1 master uplink
ip -n server link set uplink up
ip -n server addr add 10.30.0.1/24 dev uplink
