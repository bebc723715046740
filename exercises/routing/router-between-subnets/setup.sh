# Start state: left (10.1.0.2/24) and right (10.2.0.2/24), each joined by a
# veth pair to the namespace router (veth-left 10.1.0.1/24, veth-right
# 10.2.0.1/24). Only the connected routes exist, and router does not forward.
# Runs after the shared reset (exercises/_lib/reset.sh), which sets the root
# namespace's ip_forward to 0; new namespaces copy it, and router's is set to
# 0 again below so the start state does not depend on that.
for ns in left router right; do
  ip netns add "$ns"
  ip -n "$ns" link set lo up
done
ip -n router link add veth-left type veth peer name eth0 netns left
ip -n router link add veth-right type veth peer name eth0 netns right
ip -n router addr add 10.1.0.1/24 dev veth-left
ip -n router addr add 10.2.0.1/24 dev veth-right
ip -n left addr add 10.1.0.2/24 dev eth0
ip -n right addr add 10.2.0.2/24 dev eth0
ip -n router link set veth-left up
ip -n router link set veth-right up
ip -n left link set eth0 up
ip -n right link set eth0 up
ip netns exec router sysctl -qw net.ipv4.ip_forward=0
