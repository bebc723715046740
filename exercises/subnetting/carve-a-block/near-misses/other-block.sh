# expect-fail: inside-block
# seed: 21
# The right carving, in someone else's block: 10.235.85.0/24 is seed 4's. It
# works on this isolated lab, but in a real network that block is taken.
OTHER=10.235.85
ip -n router addr add $OTHER.1/$LAN1_PREFIX dev to-lan1
ip -n router addr add $OTHER.${LAN2_ROUTER##*.}/$LAN2_PREFIX dev to-lan2
ip -n router addr add $OTHER.${LAN3_ROUTER##*.}/$LAN3_PREFIX dev to-lan3
ip -n lan1 addr add $OTHER.${LAN1_HOST##*.}/$LAN1_PREFIX dev eth0
ip -n lan2 addr add $OTHER.${LAN2_HOST##*.}/$LAN2_PREFIX dev eth0
ip -n lan3 addr add $OTHER.${LAN3_HOST##*.}/$LAN3_PREFIX dev eth0
ip -n lan1 route add $OTHER.0/24 via $OTHER.1
ip -n lan2 route add $OTHER.0/24 via $OTHER.${LAN2_ROUTER##*.}
ip -n lan3 route add $OTHER.0/24 via $OTHER.${LAN3_ROUTER##*.}
ip netns exec router sysctl -w net.ipv4.ip_forward=1
