# expect-fail: printer
# Everything but the reservation: printer takes an address from the pool.
ip netns exec dhcp dnsmasq --port=0 --interface=eth0 --bind-interfaces \
  --dhcp-range=192.168.10.100,192.168.10.199,12h \
  --dhcp-option=option:router,192.168.10.1 --dhcp-option=option:dns-server,192.168.10.53
for c in client1 client2 printer; do
  mkdir -p "/etc/netns/$c" && touch "/etc/netns/$c/resolv.conf"
  ip netns exec "$c" dhclient -pf "/run/dhclient-$c.pid" -lf "/var/lib/dhcp/dhclient-$c.leases" eth0
done
