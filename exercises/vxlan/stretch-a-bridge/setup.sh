# Start state: host1 (192.168.100.1/24) and host2 (192.168.100.2/24) on the
# bridge `underlay` in the root namespace, as in the point-to-point lab. Each
# host has a bridge br0 with one "VM" on it: vm1 (10.10.0.1/24) on host1's br0
# through veth-vm1, vm2 (10.10.0.2/24) on host2's br0 through veth-vm2.
ip link add underlay type bridge
ip link set underlay up
for n in 1 2; do
  ip netns add "host$n"
  ip link add "veth-host$n" type veth peer name eth0 netns "host$n"
  ip link set "veth-host$n" master underlay up
  ip -n "host$n" addr add "192.168.100.$n/24" dev eth0
  ip -n "host$n" link set eth0 up
  ip -n "host$n" link set lo up
  ip -n "host$n" link add br0 type bridge
  ip -n "host$n" link set br0 up
  ip netns add "vm$n"
  ip -n "host$n" link add "veth-vm$n" type veth peer name eth0 netns "vm$n"
  ip -n "host$n" link set "veth-vm$n" master br0 up
  ip -n "vm$n" addr add "10.10.0.$n/24" dev eth0
  ip -n "vm$n" link set eth0 up
  ip -n "vm$n" link set lo up
done
# tcpdump's first start reads its libraries from disk, seconds on the
# emulated machine: do it now, not in the first Check's capturing ping.
tcpdump --version >/dev/null 2>&1
:
