# expect-fail: forwards
# Forwards to the bridge's network address instead of upstream's 10.0.0.10: nothing answers there.
ip netns exec dns dnsmasq --no-resolv --no-hosts --listen-address=10.0.0.53 --bind-interfaces --host-record=web.lab.example,10.0.0.80 --server=10.0.0.1
