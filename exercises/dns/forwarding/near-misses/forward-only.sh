# expect-fail: own-zone
# Everything goes upstream, which knows nothing about lab.example.
ip netns exec dns dnsmasq --no-resolv --no-hosts --listen-address=10.0.0.53 --bind-interfaces --server=10.0.0.10
