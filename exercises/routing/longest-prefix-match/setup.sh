# Start state: host has two links, eth0 to r1 (10.0.1.0/24) and eth1 to r2
# (10.0.2.0/24). r1 stands for the router of the site 10.20.0.0/16: each of
# its dummy interfaces lan1..lan3 is one of the site's three subnets, and the
# address .10 on it is a server there. r2 is the way to everything else
# (198.51.100.1, on its dummy wan, stands for the internet); it forwards, and
# it has no route into 10.20.0.0/16.
# host's routes: the whole site via r1, a default via r2, and a stale
# 10.20.3.0/24 via r2, left over from when that subnet was reached through
# r2. The /24 is longer than the /16, so it wins for 10.20.3.x.
for ns in host r1 r2; do
  ip netns add "$ns"
  ip -n "$ns" link set lo up
done
ip -n r1 link add veth-host type veth peer name eth0 netns host
ip -n r2 link add veth-host type veth peer name eth1 netns host
ip -n r1 addr add 10.0.1.1/24 dev veth-host
ip -n r2 addr add 10.0.2.1/24 dev veth-host
ip -n host addr add 10.0.1.2/24 dev eth0
ip -n host addr add 10.0.2.2/24 dev eth1
for i in 1 2 3; do
  ip -n r1 link add "lan$i" type dummy
  ip -n r1 addr add "10.20.$i.10/24" dev "lan$i"
  ip -n r1 link set "lan$i" up
done
ip -n r2 link add wan type dummy
ip -n r2 addr add 198.51.100.1/24 dev wan
ip -n r2 link set wan up
ip -n r1 link set veth-host up
ip -n r2 link set veth-host up
ip -n host link set eth0 up
ip -n host link set eth1 up
ip -n host route add 10.20.0.0/16 via 10.0.1.1 metric 100
ip -n host route add default via 10.0.2.1 metric 100
ip -n host route add 10.20.3.0/24 via 10.0.2.1 metric 100
ip netns exec r2 sysctl -qw net.ipv4.ip_forward=1
