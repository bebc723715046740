ip -n server link set eth0 mtu 1500
