# Start state: bridge br0 in the root namespace with two namespaces on it,
# dns (10.0.0.53/24) and client (10.0.0.2/24), each through a veth whose
# root end is a port of br0. No DNS server runs, and client has no resolver
# configuration of its own (the shared reset removes /etc/netns/*).
ip link add br0 type bridge
ip link set br0 up
for ns in dns client; do
  ip netns add "$ns"
  ip link add "veth-$ns" type veth peer name eth0 netns "$ns"
  ip link set "veth-$ns" master br0 up
  ip -n "$ns" link set lo up
  ip -n "$ns" link set eth0 up
done
ip -n dns addr add 10.0.0.53/24 dev eth0
ip -n client addr add 10.0.0.2/24 dev eth0
# The root's resolver files as the image has them: a learner's earlier edit
# would otherwise answer for client, which inherits them.
printf '# No DNS server is configured yet: the DNS chapter starts one with dnsmasq.\n' >/etc/resolv.conf
printf '127.0.0.1\tlocalhost\n127.0.1.1\tlab\n::1\tlocalhost ip6-localhost ip6-loopback\n' >/etc/hosts
# First runs of the resolver tools read their files from disk, seconds on
# the emulated machine: do it now, not in the first check's live tests
# (the queries fail at once: nothing listens on 127.0.0.1:53).
ip netns exec client getent ahostsv4 netlab.invalid >/dev/null
drill -v >/dev/null
dig +short +tries=1 @127.0.0.1 netlab.invalid >/dev/null 2>&1
:
