# expect-fail: ns1-device
# A veth cable straight from ns1 to ns2: they ping, but nothing uses lan0.
ip link add v1 netns ns1 type veth peer name v2 netns ns2
ip -n ns1 addr add 10.20.0.1/24 dev v1
ip -n ns2 addr add 10.20.0.2/24 dev v2
ip -n ns1 link set v1 up
ip -n ns2 link set v2 up
