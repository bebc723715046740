# The server: dnsmasq in dhcp, DHCP only (port 0 turns its DNS off), handing out .100-.199 for 12 hours with the router and the DNS server as options, and .50 to the printer's MAC.
ip netns exec dhcp dnsmasq --port=0 --interface=eth0 --bind-interfaces --dhcp-range=192.168.10.100,192.168.10.199,255.255.255.0,12h --dhcp-option=option:router,192.168.10.1 --dhcp-option=option:dns-server,192.168.10.53 --dhcp-host=02:00:00:00:10:50,192.168.10.50
# Each client gets its own resolv.conf for dhclient to write into (ip netns exec mounts it over /etc/resolv.conf), then asks; its own pid and lease files keep the three dhclients apart.
mkdir -p /etc/netns/client1 /etc/netns/client2 /etc/netns/printer
touch /etc/netns/client1/resolv.conf /etc/netns/client2/resolv.conf /etc/netns/printer/resolv.conf
ip netns exec client1 dhclient -pf /run/dhclient-client1.pid -lf /var/lib/dhcp/dhclient-client1.leases eth0
ip netns exec client2 dhclient -pf /run/dhclient-client2.pid -lf /var/lib/dhcp/dhclient-client2.leases eth0
ip netns exec printer dhclient -pf /run/dhclient-printer.pid -lf /var/lib/dhcp/dhclient-printer.leases eth0
