# expect-fail: in-ovs
# Two bridges separate red from blue too, but without VLANs: the task is one
# bridge split into VLAN 10 and VLAN 20.
ovs-vsctl add-br ovs-red
ovs-vsctl add-br ovs-blue
ovs-vsctl add-port ovs-red veth-red1
ovs-vsctl add-port ovs-red veth-red2
ovs-vsctl add-port ovs-blue veth-blue1
ovs-vsctl add-port ovs-blue veth-blue2
ip link set veth-red1 up
ip link set veth-red2 up
ip link set veth-blue1 up
ip link set veth-blue2 up
