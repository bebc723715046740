# The server's settings in a configuration file, with numeric option codes
# (3 router, 6 DNS servers) and its own lease file; busybox udhcpc as the
# client, whose default script writes the resolv.conf it finds.
cat >/etc/dnsmasq-lab.conf <<'CONF'
port=0
interface=eth0
bind-interfaces
dhcp-range=192.168.10.100,192.168.10.199,255.255.255.0,1h
dhcp-option=3,192.168.10.1
dhcp-option=6,192.168.10.53
dhcp-host=02:00:00:00:10:50,192.168.10.50
dhcp-leasefile=/run/dhcp-lab.leases
CONF
ip netns exec dhcp dnsmasq --conf-file=/etc/dnsmasq-lab.conf
for c in client1 client2 printer; do
  mkdir -p "/etc/netns/$c" && touch "/etc/netns/$c/resolv.conf"
  ip netns exec "$c" udhcpc -i eth0 -b -p "/run/udhcpc-$c.pid" >/dev/null 2>&1
done
sleep 2
