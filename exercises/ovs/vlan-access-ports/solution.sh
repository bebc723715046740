ovs-vsctl add-br ovsbr0
ovs-vsctl add-port ovsbr0 veth-red1 tag=10
ovs-vsctl add-port ovsbr0 veth-red2 tag=10
ovs-vsctl add-port ovsbr0 veth-blue1 tag=20
ovs-vsctl add-port ovsbr0 veth-blue2 tag=20
ip link set veth-red1 up
ip link set veth-red2 up
ip link set veth-blue1 up
ip link set veth-blue2 up
