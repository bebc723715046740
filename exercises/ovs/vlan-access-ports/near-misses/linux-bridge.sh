# expect-fail: in-ovs
# The VLAN-aware Linux bridge of the previous chapter: the pings are right,
# but Open vSwitch has no bridge and no port.
ip link add br0 type bridge vlan_filtering 1
ip link set br0 up
ip link set veth-red1 master br0 up
ip link set veth-red2 master br0 up
ip link set veth-blue1 master br0 up
ip link set veth-blue2 master br0 up
bridge vlan add dev veth-red1 vid 10 pvid untagged
bridge vlan add dev veth-red2 vid 10 pvid untagged
bridge vlan add dev veth-blue1 vid 20 pvid untagged
bridge vlan add dev veth-blue2 vid 20 pvid untagged
