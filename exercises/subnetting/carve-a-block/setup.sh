# Start state: router joined to lan1, lan2 and lan3 by veth pairs (to-lanN in
# router, eth0 in lanN), every link up, no IPv4 address anywhere, and router
# not forwarding. The learner's block and host counts come from their seed
# (plan.ts); setup is the same for everyone.
for ns in router lan1 lan2 lan3; do
  ip netns add "$ns"
  ip -n "$ns" link set lo up
done
for lan in lan1 lan2 lan3; do
  ip -n router link add "to-$lan" type veth peer name eth0 netns "$lan"
  ip -n router link set "to-$lan" up
  ip -n "$lan" link set eth0 up
done
ip netns exec router sysctl -qw net.ipv4.ip_forward=0
