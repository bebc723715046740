# Start state: lan (192.168.10.2/24, default via 192.168.10.1) and wan
# (203.0.113.2/24, no route back) joined to the root namespace by veths;
# forwarding off, no firewall rules. Cleans up first, so it is safe to run again.
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
ip netns add lan
ip netns add wan
ip link add veth-lan type veth peer name eth0 netns lan
ip link add veth-wan type veth peer name eth0 netns wan
ip addr add 192.168.10.1/24 dev veth-lan
ip addr add 203.0.113.1/24 dev veth-wan
ip link set veth-lan up
ip link set veth-wan up
ip -n lan addr add 192.168.10.2/24 dev eth0
ip -n wan addr add 203.0.113.2/24 dev eth0
for ns in lan wan; do ip -n "$ns" link set lo up; ip -n "$ns" link set eth0 up; done
ip -n lan route add default via 192.168.10.1
