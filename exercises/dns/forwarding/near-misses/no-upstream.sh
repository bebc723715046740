# expect-fail: forwards
# The own zone works, but with --no-resolv and no --server dnsmasq has nowhere to send other names.
ip netns exec dns dnsmasq --no-resolv --no-hosts --listen-address=10.0.0.53 --bind-interfaces --host-record=web.lab.example,10.0.0.80
