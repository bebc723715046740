# dnsmasq serves its /etc/hosts, which ip netns exec takes from /etc/netns/dns/hosts; it listens on every address in dns.
mkdir -p /etc/netns/dns /etc/netns/client
printf '10.0.0.80 web.lab.example\n10.0.0.81 db.lab.example\n' >/etc/netns/dns/hosts
ip netns exec dns dnsmasq --no-resolv
echo 'nameserver 10.0.0.53' >/etc/netns/client/resolv.conf
