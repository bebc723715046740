# expect-fail: links-agree
# Raising router's end makes the mismatch bigger: router now sends frames of
# up to 9000 bytes to an interface that takes 1400.
ip -n router link set veth-server mtu 9000
