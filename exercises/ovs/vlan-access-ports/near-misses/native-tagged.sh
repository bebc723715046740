# expect-fail: red1-port
# vlan_mode=native-tagged takes untagged frames into the tag's VLAN but sends
# that VLAN out tagged, and the namespaces' eth0 has no VLAN device to accept it.
ovs-vsctl add-br ovsbr0
ovs-vsctl add-port ovsbr0 veth-red1 tag=10 vlan_mode=native-tagged
ovs-vsctl add-port ovsbr0 veth-red2 tag=10 vlan_mode=native-tagged
ovs-vsctl add-port ovsbr0 veth-blue1 tag=20 vlan_mode=native-tagged
ovs-vsctl add-port ovsbr0 veth-blue2 tag=20 vlan_mode=native-tagged
ip link set veth-red1 up
ip link set veth-red2 up
ip link set veth-blue1 up
ip link set veth-blue2 up
