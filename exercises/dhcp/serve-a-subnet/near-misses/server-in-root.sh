# expect-fail: server
# The server started without `ip netns exec dhcp`: it runs in the root
# namespace, on br0, which has no address in the subnet, so it cannot
# answer; the clients' dhclient keeps asking in the background.
dnsmasq --port=0 --interface=br0 --bind-interfaces \
  --dhcp-range=192.168.10.100,192.168.10.199,12h \
  --dhcp-option=option:router,192.168.10.1 --dhcp-option=option:dns-server,192.168.10.53 \
  --dhcp-host=02:00:00:00:10:50,192.168.10.50
for c in client1 client2 printer; do
  mkdir -p "/etc/netns/$c" && touch "/etc/netns/$c/resolv.conf"
  ip netns exec "$c" dhclient -nw -pf "/run/dhclient-$c.pid" -lf "/var/lib/dhcp/dhclient-$c.leases" eth0
done
