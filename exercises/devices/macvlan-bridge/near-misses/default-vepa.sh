# expect-fail: siblings-talk
# No mode given, so the kernel picks vepa: every frame leaves through lan0 for
# an outside switch to turn around, and lan0 (a dummy) has no switch behind it.
ip link add mv1 link lan0 netns ns1 type macvlan
ip link add mv2 link lan0 netns ns2 type macvlan
ip -n ns1 addr add 10.20.0.1/24 dev mv1
ip -n ns2 addr add 10.20.0.2/24 dev mv2
ip -n ns1 link set mv1 up
ip -n ns2 link set mv2 up
