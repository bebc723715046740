# Start state: app and db (10.0.1.10, 10.0.1.20) on br0, a service address
# 172.16.0.1 on svc0 in the root namespace, no gateway yet. Cleans up first,
# so it is safe to run again on a VM where the learner already did things.
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
ip link add br0 type bridge
ip link set br0 up
for h in app:10 db:20; do
  name=${h%%:*}; n=${h##*:}
  ip netns add "$name"
  ip link add "veth-$name" type veth peer name eth0 netns "$name"
  ip link set "veth-$name" master br0 up
  ip -n "$name" addr add "10.0.1.$n/24" dev eth0
  ip -n "$name" link set eth0 up
  ip -n "$name" link set lo up
done
ip link add svc0 type dummy
ip addr add 172.16.0.1/32 dev svc0
ip link set svc0 up
