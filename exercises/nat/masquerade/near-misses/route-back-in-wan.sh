# expect-fail: wan-unchanged
# Teaching wan the way back makes ping work, but without any NAT.
sysctl -w net.ipv4.ip_forward=1
ip -n wan route add 192.168.10.0/24 via 203.0.113.1
