# "Fake bridges": ovs-vsctl's VLAN views of a parent bridge. A port added to
# one is a port of the parent with the fake bridge's VLAN as its tag.
ovs-vsctl add-br sw0
ovs-vsctl add-br red sw0 10
ovs-vsctl add-br blue sw0 20
ovs-vsctl add-port red veth-red1
ovs-vsctl add-port red veth-red2
ovs-vsctl add-port blue veth-blue1
ovs-vsctl add-port blue veth-blue2
for p in veth-red1 veth-red2 veth-blue1 veth-blue2; do ip link set "$p" up; done
