# VLAN filtering through sysfs, and VLAN 1 removed from the host ports.
echo 1 > /sys/class/net/br0/bridge/vlan_filtering
bridge vlan add dev veth-h1 vid 10 pvid untagged
bridge vlan add dev veth-h2 vid 10 pvid untagged
bridge vlan add dev veth-h3 vid 20 pvid untagged
bridge vlan add dev veth-h4 vid 20 pvid untagged
bridge vlan del dev veth-h1 vid 1
bridge vlan del dev veth-h2 vid 1
bridge vlan del dev veth-h3 vid 1
bridge vlan del dev veth-h4 vid 1
