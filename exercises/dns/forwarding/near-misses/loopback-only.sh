# expect-fail: server
# The resolver is bound to dns's loopback: client's queries arrive on 10.0.0.53.
ip netns exec dns dnsmasq --no-resolv --no-hosts --listen-address=127.0.0.1 --bind-interfaces --host-record=web.lab.example,10.0.0.80 --server=10.0.0.10
