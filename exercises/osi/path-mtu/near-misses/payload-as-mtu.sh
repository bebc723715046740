# expect-fail: links-agree
# 1472 is the ping payload, not the MTU: the packet is 1472 + 8 (ICMP) + 20
# (IP) = 1500 bytes, and server's eth0 still drops it.
ip -n server link set eth0 mtu 1472
