# expect-fail: router
# The pool, the DNS option and the reservation, but no router option:
# dnsmasq then offers its own address, 192.168.10.2, as the router.
ip netns exec dhcp dnsmasq --port=0 --interface=eth0 --bind-interfaces \
  --dhcp-range=192.168.10.100,192.168.10.199,12h \
  --dhcp-option=option:dns-server,192.168.10.53 \
  --dhcp-host=02:00:00:00:10:50,192.168.10.50
for c in client1 client2 printer; do
  mkdir -p "/etc/netns/$c" && touch "/etc/netns/$c/resolv.conf"
  ip netns exec "$c" dhclient -pf "/run/dhclient-$c.pid" -lf "/var/lib/dhcp/dhclient-$c.leases" eth0
done
