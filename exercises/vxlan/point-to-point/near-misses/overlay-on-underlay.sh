# expect-fail: tunnel
# No tunnel at all: the overlay addresses go on the underlay interfaces. The ping
# works, but the capture on underlay shows bare ICMP, not VXLAN.
ip -n host1 addr add 10.42.0.1/24 dev eth0
ip -n host2 addr add 10.42.0.2/24 dev eth0
