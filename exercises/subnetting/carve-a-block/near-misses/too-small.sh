# expect-fail: big-enough
# seed: 4
# lan1 needs 51 addresses (50 hosts and the router) but gets a /27, which has
# 30 usable ones: the prefix was chosen for the host count without the +2.
ip -n router addr add $LAN1_ROUTER/27 dev to-lan1
ip -n router addr add $LAN2_ROUTER/$LAN2_PREFIX dev to-lan2
ip -n router addr add $LAN3_ROUTER/$LAN3_PREFIX dev to-lan3
ip -n lan1 addr add $BASE.30/27 dev eth0
ip -n lan2 addr add $LAN2_HOST/$LAN2_PREFIX dev eth0
ip -n lan3 addr add $LAN3_HOST/$LAN3_PREFIX dev eth0
ip -n lan1 route add $BLOCK via $LAN1_ROUTER
ip -n lan2 route add $BLOCK via $LAN2_ROUTER
ip -n lan3 route add $BLOCK via $LAN3_ROUTER
ip netns exec router sysctl -w net.ipv4.ip_forward=1
