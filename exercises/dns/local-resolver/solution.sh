ip netns exec dns dnsmasq --no-resolv --no-hosts --listen-address=10.0.0.53 --bind-interfaces --address=/web.lab.example/10.0.0.80 --address=/db.lab.example/10.0.0.81
mkdir -p /etc/netns/client
echo 'nameserver 10.0.0.53' >/etc/netns/client/resolv.conf
