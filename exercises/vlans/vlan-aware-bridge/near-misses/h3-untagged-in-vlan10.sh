# expect-fail: h3-port
# h3's port also joins VLAN 10 untagged (perhaps meant as "trunk"): VLAN 10's
# broadcasts from h1 and h2 now reach h3 as plain frames.
ip link set br0 type bridge vlan_filtering 1
bridge vlan add dev veth-h1 vid 10 pvid untagged
bridge vlan add dev veth-h2 vid 10 pvid untagged
bridge vlan add dev veth-h3 vid 20 pvid untagged
bridge vlan add dev veth-h3 vid 10 untagged
bridge vlan add dev veth-h4 vid 20 pvid untagged
