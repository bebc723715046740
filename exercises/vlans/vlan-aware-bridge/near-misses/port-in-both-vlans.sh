# expect-fail: h1-port
# h1's port is right for VLAN 10, but is also a tagged member of VLAN 20, so
# VLAN 20's broadcasts reach h1 as well. Pings still fail across VLANs (h1
# drops the tagged frames), so only the port's full membership shows the leak.
ip link set br0 type bridge vlan_filtering 1
bridge vlan add dev veth-h1 vid 10 pvid untagged
bridge vlan add dev veth-h1 vid 20
bridge vlan add dev veth-h2 vid 10 pvid untagged
bridge vlan add dev veth-h3 vid 20 pvid untagged
bridge vlan add dev veth-h4 vid 20 pvid untagged
