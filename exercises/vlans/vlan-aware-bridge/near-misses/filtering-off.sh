# expect-fail: vlan-filtering
# Port VLANs are right, but without vlan_filtering the bridge ignores them.
bridge vlan add dev veth-h1 vid 10 pvid untagged
bridge vlan add dev veth-h2 vid 10 pvid untagged
bridge vlan add dev veth-h3 vid 20 pvid untagged
bridge vlan add dev veth-h4 vid 20 pvid untagged
