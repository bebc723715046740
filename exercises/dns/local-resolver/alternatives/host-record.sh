# host-record gives each name an A record (and the PTR for its address); the client gets a search list too.
ip netns exec dns dnsmasq --no-resolv --no-hosts --listen-address=10.0.0.53 --bind-interfaces --host-record=web.lab.example,10.0.0.80 --host-record=db.lab.example,10.0.0.81
mkdir -p /etc/netns/client
printf 'search lab.example\nnameserver 10.0.0.53\n' >/etc/netns/client/resolv.conf
