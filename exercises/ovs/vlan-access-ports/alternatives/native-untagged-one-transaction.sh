# One ovs-vsctl transaction; each host port is a native-untagged trunk of
# just its own VLAN (same effect as an access port), and OpenFlow's mod-port
# brings the ports up instead of ip.
ovs-vsctl add-br br-lab -- add-port br-lab veth-red1 -- add-port br-lab veth-red2 -- add-port br-lab veth-blue1 -- add-port br-lab veth-blue2
ovs-vsctl set port veth-red1 vlan_mode=native-untagged tag=10 trunks=10 -- set port veth-red2 vlan_mode=native-untagged tag=10 trunks=10
ovs-vsctl set port veth-blue1 vlan_mode=native-untagged tag=20 trunks=20 -- set port veth-blue2 vlan_mode=native-untagged tag=20 trunks=20
for p in veth-red1 veth-red2 veth-blue1 veth-blue2; do ovs-ofctl mod-port br-lab "$p" up; done
