ip addr add 10.0.1.1/24 dev br0
ip -n app route add default via 10.0.1.1
ip -n db route add default via 10.0.1.1
