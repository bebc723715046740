# expect-fail: h2-port
# h2 ends up in VLAN 20 with h3 and h4.
ip link set br0 type bridge vlan_filtering 1
bridge vlan add dev veth-h1 vid 10 pvid untagged
bridge vlan add dev veth-h2 vid 20 pvid untagged
bridge vlan add dev veth-h3 vid 20 pvid untagged
bridge vlan add dev veth-h4 vid 20 pvid untagged
