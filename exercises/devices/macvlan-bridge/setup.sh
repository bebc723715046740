# Start state: the parent lan0 (a dummy device standing in for the host's
# NIC) up in the root namespace, and two empty namespaces ns1 and ns2.
# Runs after the shared reset (exercises/_lib/reset.sh).
ip link add lan0 type dummy
ip link set lan0 up
for ns in ns1 ns2; do
  ip netns add "$ns"
  ip -n "$ns" link set lo up
done
