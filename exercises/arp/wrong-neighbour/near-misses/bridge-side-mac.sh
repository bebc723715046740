# expect-fail: neighbour-entry
# Pins 10.0.0.2 to the MAC of veth-beta, the bridge-side end of beta's cable, not beta's eth0.
ip -n alpha neigh replace 10.0.0.2 lladdr $(ip -br link show veth-beta | awk '{print $3}') dev eth0 nud permanent
