# expect-fail: server
# dnsmasq started without ip netns exec runs in the root namespace, which has no 10.0.0.53.
dnsmasq --no-resolv --no-hosts --address=/web.lab.example/10.0.0.80 --address=/db.lab.example/10.0.0.81
mkdir -p /etc/netns/client
echo 'nameserver 10.0.0.53' >/etc/netns/client/resolv.conf
