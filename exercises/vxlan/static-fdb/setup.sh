# Start state: host1 (192.168.100.1/24) and host2 (192.168.100.2/24) on the
# bridge `underlay`, each with a VXLAN device vxlan0 (VNI 42, UDP 4789, over
# eth0) that does not learn and knows no peer: no remote, an empty FDB. The
# overlay addresses are set: 10.42.0.1/24 on host1, 10.42.0.2/24 on host2.
# The MACs are fixed so that the task can name them.
ip link add underlay type bridge
ip link set underlay up
for n in 1 2; do
  ip netns add "host$n"
  ip link add "veth-host$n" type veth peer name eth0 netns "host$n"
  ip link set "veth-host$n" master underlay up
  ip -n "host$n" addr add "192.168.100.$n/24" dev eth0
  ip -n "host$n" link set eth0 up
  ip -n "host$n" link set lo up
  ip -n "host$n" link add vxlan0 address "02:42:0a:2a:00:0$n" type vxlan id 42 dstport 4789 dev eth0 nolearning
  ip -n "host$n" addr add "10.42.0.$n/24" dev vxlan0
  ip -n "host$n" link set vxlan0 up
done
# tcpdump's first start reads its libraries from disk, seconds on the
# emulated machine: do it now, not in the first Check's capturing ping.
tcpdump --version >/dev/null 2>&1
:
