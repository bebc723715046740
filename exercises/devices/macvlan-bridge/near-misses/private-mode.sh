# expect-fail: siblings-talk
# Private mode: each macvlan is cut off from every other macvlan on lan0,
# even though both are fine on their own.
ip link add mv1 link lan0 netns ns1 type macvlan mode private
ip link add mv2 link lan0 netns ns2 type macvlan mode private
ip -n ns1 addr add 10.20.0.1/24 dev mv1
ip -n ns2 addr add 10.20.0.2/24 dev mv2
ip -n ns1 link set mv1 up
ip -n ns2 link set mv2 up
