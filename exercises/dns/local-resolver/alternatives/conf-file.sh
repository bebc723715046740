# A configuration file instead of flags, with an interface name rather than an address.
mkdir -p /etc/netns/client
printf 'no-resolv\nno-hosts\ninterface=eth0\nbind-interfaces\naddress=/web.lab.example/10.0.0.80\naddress=/db.lab.example/10.0.0.81\n' >/run/lab-dnsmasq.conf
ip netns exec dns dnsmasq --conf-file=/run/lab-dnsmasq.conf
echo 'nameserver 10.0.0.53' >/etc/netns/client/resolv.conf
