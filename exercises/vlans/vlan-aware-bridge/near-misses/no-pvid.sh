# expect-fail: h1-port
# "untagged" without "pvid": the ports join the VLANs, but untagged frames
# from the hosts are still classified into VLAN 1, where all four meet.
ip link set br0 type bridge vlan_filtering 1
bridge vlan add dev veth-h1 vid 10 untagged
bridge vlan add dev veth-h2 vid 10 untagged
bridge vlan add dev veth-h3 vid 20 untagged
bridge vlan add dev veth-h4 vid 20 untagged
