# dnsmasq takes its upstream from the resolv.conf it reads: in dns, /etc/netns/dns/resolv.conf.
mkdir -p /etc/netns/dns
echo 'nameserver 10.0.0.10' >/etc/netns/dns/resolv.conf
ip netns exec dns dnsmasq --no-hosts --listen-address=10.0.0.53 --bind-interfaces --host-record=web.lab.example,10.0.0.80
