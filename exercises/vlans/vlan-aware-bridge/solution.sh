ip link set br0 type bridge vlan_filtering 1
bridge vlan add dev veth-h1 vid 10 pvid untagged
bridge vlan add dev veth-h2 vid 10 pvid untagged
bridge vlan add dev veth-h3 vid 20 pvid untagged
bridge vlan add dev veth-h4 vid 20 pvid untagged
