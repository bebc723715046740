# Start state: bridge br0 with dns (10.0.0.53/24) and client (10.0.0.2/24).
# dns already runs a server for lab.example: web 10.0.0.80, db 10.0.0.81,
# api.svc 10.0.0.90, and also a record for the short name api.svc itself
# (198.51.100.66), which a resolver that asks names as written first finds.
# client's resolver file names the server and nothing else.
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
# --local: unknown names in these domains get NXDOMAIN, so the resolver goes
# on down its search list (a REFUSED would end the search).
ip netns exec dns dnsmasq --no-resolv --no-hosts --listen-address=10.0.0.53 --bind-interfaces \
  --local=/lab.example/ --local=/svc/ --host-record=web.lab.example,10.0.0.80 \
  --host-record=db.lab.example,10.0.0.81 --host-record=api.svc.lab.example,10.0.0.90 --host-record=api.svc,198.51.100.66
mkdir -p /etc/netns/client
echo 'nameserver 10.0.0.53' >/etc/netns/client/resolv.conf
# The root's resolver files as the image has them.
printf '# No DNS server is configured yet: the DNS chapter starts one with dnsmasq.\n' >/etc/resolv.conf
printf '127.0.0.1\tlocalhost\n127.0.1.1\tlab\n::1\tlocalhost ip6-localhost ip6-loopback\n' >/etc/hosts
# A first run of getent reads its files from disk, seconds on the emulated
# machine: do it now, not in the first check's live tests.
ip netns exec client getent ahostsv4 netlab.invalid >/dev/null
:
