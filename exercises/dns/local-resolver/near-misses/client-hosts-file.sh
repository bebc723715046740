# expect-fail: client
# client's own hosts file answers getent, but dig asks DNS, and client has no nameserver.
ip netns exec dns dnsmasq --no-resolv --no-hosts --listen-address=10.0.0.53 --bind-interfaces --address=/web.lab.example/10.0.0.80 --address=/db.lab.example/10.0.0.81
mkdir -p /etc/netns/client
printf '10.0.0.80 web.lab.example\n10.0.0.81 db.lab.example\n' >/etc/netns/client/hosts
