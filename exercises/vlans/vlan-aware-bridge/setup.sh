# Start state: h1-h4 (10.0.0.1-4/24) on br0 through ports veth-h1..veth-h4,
# VLAN filtering off. Cleans up first, so it is safe to run again.
for kind in veth bridge dummy vlan macvlan vxlan; do
  for dev in $(ip -br link show type "$kind" 2>/dev/null | cut -d' ' -f1 | cut -d@ -f1); do
    ip link del "$dev" 2>/dev/null
  done
done
# Links first: deleting one end of a veth removes its peer at once, while
# namespace teardown happens later in the background.
ip -all netns delete 2>/dev/null
nft flush ruleset 2>/dev/null
if [ -n "$(iptables-legacy-save 2>/dev/null)" ]; then
  for t in filter nat mangle raw; do iptables-legacy -t "$t" -F 2>/dev/null; iptables-legacy -t "$t" -X 2>/dev/null; done
  iptables-legacy -P FORWARD ACCEPT 2>/dev/null
fi
echo 0 > /proc/sys/net/ipv4/ip_forward
ip link add br0 type bridge vlan_filtering 0
ip link set br0 up
for n in 1 2 3 4; do
  ip netns add "h$n"
  ip link add "veth-h$n" type veth peer name eth0 netns "h$n"
  ip link set "veth-h$n" master br0 up
  ip -n "h$n" addr add "10.0.0.$n/24" dev eth0
  ip -n "h$n" link set eth0 up
  ip -n "h$n" link set lo up
done
