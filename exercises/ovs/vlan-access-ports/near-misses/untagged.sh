# expect-fail: isolation
# The ports join the bridge without a tag: trunks of every VLAN, all four in
# one broadcast domain, so red reaches blue.
ovs-vsctl add-br ovsbr0
ovs-vsctl add-port ovsbr0 veth-red1
ovs-vsctl add-port ovsbr0 veth-red2
ovs-vsctl add-port ovsbr0 veth-blue1
ovs-vsctl add-port ovsbr0 veth-blue2
ip link set veth-red1 up
ip link set veth-red2 up
ip link set veth-blue1 up
ip link set veth-blue2 up
