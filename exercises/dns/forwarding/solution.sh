ip netns exec dns dnsmasq --no-resolv --no-hosts --listen-address=10.0.0.53 --bind-interfaces --local=/lab.example/ --host-record=web.lab.example,10.0.0.80 --server=10.0.0.10
