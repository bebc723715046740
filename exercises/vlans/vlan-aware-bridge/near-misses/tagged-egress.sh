# expect-fail: h1-port
# Without "untagged" frames leave the ports tagged, and the hosts' eth0 has no VLAN device to accept them.
ip link set br0 type bridge vlan_filtering 1
bridge vlan add dev veth-h1 vid 10 pvid
bridge vlan add dev veth-h2 vid 10 pvid
bridge vlan add dev veth-h3 vid 20 pvid
bridge vlan add dev veth-h4 vid 20 pvid
