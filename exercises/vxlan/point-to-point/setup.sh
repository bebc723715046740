# Start state: two "hosts", host1 (192.168.100.1/24) and host2 (192.168.100.2/24),
# whose eth0 hang off the bridge `underlay` in the root namespace: the
# physical network between them. Runs after the shared reset.
ip link add underlay type bridge
ip link set underlay up
for n in 1 2; do
  ip netns add "host$n"
  ip link add "veth-host$n" type veth peer name eth0 netns "host$n"
  ip link set "veth-host$n" master underlay up
  ip -n "host$n" addr add "192.168.100.$n/24" dev eth0
  ip -n "host$n" link set eth0 up
  ip -n "host$n" link set lo up
done
# tcpdump's first start reads its libraries from disk, seconds on the
# emulated machine: do it now, not in the first Check's capturing ping.
tcpdump --version >/dev/null 2>&1
:
