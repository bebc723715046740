# expect-fail: smallest-prefix
# seed: 21
# lan1 (56 hosts) gets a /25 "to be safe": it fits, but a /26 already holds 62,
# and the /25 spends half the block. lan2 and lan3 follow it.
ip -n router addr add $BASE.1/25 dev to-lan1
ip -n router addr add $BASE.129/27 dev to-lan2
ip -n router addr add $BASE.161/28 dev to-lan3
ip -n lan1 addr add $BASE.126/25 dev eth0
ip -n lan2 addr add $BASE.158/27 dev eth0
ip -n lan3 addr add $BASE.174/28 dev eth0
ip -n lan1 route add $BLOCK via $BASE.1
ip -n lan2 route add $BLOCK via $BASE.129
ip -n lan3 route add $BLOCK via $BASE.161
ip netns exec router sysctl -w net.ipv4.ip_forward=1
