# expect-fail: dns
# A right server, but the clients have no /etc/netns/<name>/resolv.conf:
# dhclient-script writes the DNS server into the root namespace's file.
ip netns exec dhcp dnsmasq --port=0 --interface=eth0 --bind-interfaces \
  --dhcp-range=192.168.10.100,192.168.10.199,12h \
  --dhcp-option=option:router,192.168.10.1 --dhcp-option=option:dns-server,192.168.10.53 \
  --dhcp-host=02:00:00:00:10:50,192.168.10.50
for c in client1 client2 printer; do
  ip netns exec "$c" dhclient -pf "/run/dhclient-$c.pid" -lf "/var/lib/dhcp/dhclient-$c.leases" eth0
done
