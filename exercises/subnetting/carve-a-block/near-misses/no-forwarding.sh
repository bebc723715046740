# expect-fail: router-forwards
# seed: 7
# Addresses and routes right, forwarding forgotten: each LAN reaches router's
# address on its own link, and nothing beyond.
ip -n router addr add $LAN1_ROUTER/$LAN1_PREFIX dev to-lan1
ip -n router addr add $LAN2_ROUTER/$LAN2_PREFIX dev to-lan2
ip -n router addr add $LAN3_ROUTER/$LAN3_PREFIX dev to-lan3
ip -n lan1 addr add $LAN1_HOST/$LAN1_PREFIX dev eth0
ip -n lan2 addr add $LAN2_HOST/$LAN2_PREFIX dev eth0
ip -n lan3 addr add $LAN3_HOST/$LAN3_PREFIX dev eth0
ip -n lan1 route add $BLOCK via $LAN1_ROUTER
ip -n lan2 route add $BLOCK via $LAN2_ROUTER
ip -n lan3 route add $BLOCK via $LAN3_ROUTER
