# The reservation names the printer too, the pool is given by a netmask and
# lease time in dnsmasq's other order, the options by name with the tag
# syntax, and the clients use dhclient's one-shot mode (-1).
ip netns exec dhcp dnsmasq --port=0 --interface=eth0 --bind-interfaces \
  --dhcp-range=lan,192.168.10.100,192.168.10.199,255.255.255.0,30m \
  --dhcp-option=tag:lan,option:router,192.168.10.1 \
  --dhcp-option=tag:lan,option:dns-server,192.168.10.53 \
  --dhcp-host=02:00:00:00:10:50,printer,192.168.10.50,infinite
for c in client1 client2 printer; do
  mkdir -p "/etc/netns/$c" && echo "# written by dhclient" >"/etc/netns/$c/resolv.conf"
  ip netns exec "$c" dhclient -1 -pf "/run/dhclient-$c.pid" -lf "/var/lib/dhcp/dhclient-$c.leases" eth0
done
