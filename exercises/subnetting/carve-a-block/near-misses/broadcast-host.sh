# expect-fail: host-addresses
# seed: 7
# lan3's host gets the subnet's broadcast address (all host bits 1) instead of
# the last usable one just below it. The kernel accepts it.
ip -n router addr add $LAN1_ROUTER/$LAN1_PREFIX dev to-lan1
ip -n router addr add $LAN2_ROUTER/$LAN2_PREFIX dev to-lan2
ip -n router addr add $LAN3_ROUTER/$LAN3_PREFIX dev to-lan3
ip -n lan1 addr add $LAN1_HOST/$LAN1_PREFIX dev eth0
ip -n lan2 addr add $LAN2_HOST/$LAN2_PREFIX dev eth0
ip -n lan3 addr add $BASE.$((${LAN3_HOST##*.} + 1))/$LAN3_PREFIX dev eth0
ip -n lan1 route add $BLOCK via $LAN1_ROUTER
ip -n lan2 route add $BLOCK via $LAN2_ROUTER
ip -n lan3 route add $BLOCK via $LAN3_ROUTER
ip netns exec router sysctl -w net.ipv4.ip_forward=1
