# Jumbo frames on the router-server link, the same on both ends: 1500-byte
# packets fit, and the client-router link still limits the path to 1500.
ip -n router link set veth-server mtu 9000
ip -n server link set eth0 mtu 9000
