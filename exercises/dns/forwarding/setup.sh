# Start state: bridge br0 with three namespaces: client (10.0.0.2/24), dns
# (10.0.0.53/24) and upstream (10.0.0.10/24). upstream runs a DNS server that
# answers for example.org (www 203.0.113.10) with a TTL of 600 s; client's
# resolver already asks 10.0.0.53, where nothing listens yet.
ip link add br0 type bridge
ip link set br0 up
for ns in dns client upstream; do
  ip netns add "$ns"
  ip link add "veth-$ns" type veth peer name eth0 netns "$ns"
  ip link set "veth-$ns" master br0 up
  ip -n "$ns" link set lo up
  ip -n "$ns" link set eth0 up
done
ip -n dns addr add 10.0.0.53/24 dev eth0
ip -n client addr add 10.0.0.2/24 dev eth0
ip -n upstream addr add 10.0.0.10/24 dev eth0
# --local=/example.org/: upstream owns that domain, so unknown names there
# get NXDOMAIN; it knows nothing else and refuses the rest.
ip netns exec upstream dnsmasq --no-resolv --no-hosts --listen-address=10.0.0.10 --bind-interfaces \
  --local-ttl=600 --local=/example.org/ --host-record=www.example.org,203.0.113.10
mkdir -p /etc/netns/client
echo 'nameserver 10.0.0.53' >/etc/netns/client/resolv.conf
# The root's resolver files as the image has them.
printf '# No DNS server is configured yet: the DNS chapter starts one with dnsmasq.\n' >/etc/resolv.conf
printf '127.0.0.1\tlocalhost\n127.0.1.1\tlab\n::1\tlocalhost ip6-localhost ip6-loopback\n' >/etc/hosts
# First runs of the resolver tools read their files from disk, seconds on
# the emulated machine: do it now, not in the first check's live tests.
ip netns exec client getent ahostsv4 netlab.invalid >/dev/null
drill -v >/dev/null
:
