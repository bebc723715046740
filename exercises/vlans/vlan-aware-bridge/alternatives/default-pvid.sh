# Make 10 the bridge's default PVID, which moves every port still on the old
# default; then only h3 and h4 need changing. Filtering is switched on last.
ip link set br0 type bridge vlan_default_pvid 10
bridge vlan add dev veth-h3 vid 20 pvid untagged
bridge vlan add dev veth-h4 vid 20 pvid untagged
bridge vlan del dev veth-h3 vid 10
bridge vlan del dev veth-h4 vid 10
ip link set dev br0 type bridge vlan_filtering 1
