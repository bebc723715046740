# Start state: no lab namespaces, bridges or veths, no firewall rules.
# Safe to run again on a VM where the learner already did things.
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
true
