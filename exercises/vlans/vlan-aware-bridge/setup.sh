# Start state: h1-h4 (10.0.0.1-4/24) on br0 through ports veth-h1..veth-h4,
# VLAN filtering off. Runs after the shared reset (exercises/_lib/reset.sh).
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
