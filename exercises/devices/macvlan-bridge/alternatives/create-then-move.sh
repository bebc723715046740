# Created in the root namespace, moved with `ip link set ... netns`, and
# renamed eth0 inside each namespace: names other than mv1/mv2 are fine.
ip link add mvA link lan0 type macvlan mode bridge
ip link add mvB link lan0 type macvlan mode bridge
ip link set mvA netns ns1
ip link set mvB netns ns2
ip -n ns1 link set mvA name eth0
ip -n ns2 link set mvB name eth0
ip -n ns1 addr add 10.20.0.1/24 dev eth0
ip -n ns2 addr add 10.20.0.2/24 dev eth0
ip -n ns1 link set eth0 up
ip -n ns2 link set eth0 up
