# expect-fail: server
# The server is bound to dns's loopback address: queries from client arrive on 10.0.0.53.
ip netns exec dns dnsmasq --no-resolv --no-hosts --listen-address=127.0.0.1 --bind-interfaces --address=/web.lab.example/10.0.0.80 --address=/db.lab.example/10.0.0.81
mkdir -p /etc/netns/client
echo 'nameserver 10.0.0.53' >/etc/netns/client/resolv.conf
