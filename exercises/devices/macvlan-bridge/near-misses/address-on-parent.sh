# expect-fail: ns1-device
# ns1's address goes on the parent in the root namespace instead of a macvlan
# in ns1; besides, a parent never talks to its own macvlans.
ip addr add 10.20.0.1/24 dev lan0
ip link add mv2 link lan0 netns ns2 type macvlan mode bridge
ip -n ns2 addr add 10.20.0.2/24 dev mv2
ip -n ns2 link set mv2 up
