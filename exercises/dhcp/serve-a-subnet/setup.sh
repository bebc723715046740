# Start state: bridge br0 in the root namespace and five namespaces on it,
# each through a veth whose root end is a port of br0 and whose inner end is
# eth0:
#   router   192.168.10.1/24, plus 203.0.113.1/24 on a dummy wan0 (the way out)
#   dns      192.168.10.53/24, running a DNS server for lab.example
#   dhcp     192.168.10.2/24, where the learner runs the DHCP server
#   client1, client2, printer: no address; printer's MAC is 02:00:00:00:10:50
# No DHCP server runs, and no client has a resolver configuration of its own
# (the shared reset removes /etc/netns/*).
ip link add br0 type bridge
ip link set br0 up
for ns in router dns dhcp client1 client2 printer; do
  ip netns add "$ns"
  ip link add "veth-$ns" type veth peer name eth0 netns "$ns"
  ip link set "veth-$ns" master br0 up
  ip -n "$ns" link set lo up
done
ip -n printer link set eth0 address 02:00:00:00:10:50
for ns in router dns dhcp client1 client2 printer; do ip -n "$ns" link set eth0 up; done
ip -n router addr add 192.168.10.1/24 dev eth0
ip -n router link add wan0 type dummy
ip -n router addr add 203.0.113.1/24 dev wan0
ip -n router link set wan0 up
ip -n dns addr add 192.168.10.53/24 dev eth0
ip -n dhcp addr add 192.168.10.2/24 dev eth0
# The lab's DNS server: names for the router, nothing else, no DHCP.
ip netns exec dns dnsmasq --port=53 --listen-address=192.168.10.53 --bind-interfaces --no-resolv --no-hosts \
  --host-record=router.lab.example,192.168.10.1 --host-record=dns.lab.example,192.168.10.53 \
  --pid-file=/run/dnsmasq-lab-dns.pid
# The root's resolver file as the image has it: a DHCP client run without
# its own /etc/netns/<ns>/ overwrites this one, and the grader compares.
printf '# No DNS server is configured yet: the DNS chapter starts one with dnsmasq.\n' >/etc/resolv.conf
rm -f /var/lib/misc/dnsmasq.leases /var/lib/dhcp/dhclient*.leases
# First runs of the tools the checks use read their files from disk, seconds
# on the emulated machine: do it now, not in the first check's live tests.
ip netns exec client1 getent ahostsv4 netlab.invalid >/dev/null
:
