# seed: 21
# Hosts first, then router; default routes instead of a route to the block;
# forwarding written through /proc.
ip -n lan3 addr add $LAN3_HOST/$LAN3_PREFIX dev eth0
ip -n lan2 addr add $LAN2_HOST/$LAN2_PREFIX dev eth0
ip -n lan1 addr add $LAN1_HOST/$LAN1_PREFIX dev eth0
ip -n router addr add $LAN3_ROUTER/$LAN3_PREFIX dev to-lan3
ip -n router addr add $LAN2_ROUTER/$LAN2_PREFIX dev to-lan2
ip -n router addr add $LAN1_ROUTER/$LAN1_PREFIX dev to-lan1
ip -n lan1 route add default via $LAN1_ROUTER
ip -n lan2 route add default via $LAN2_ROUTER
ip -n lan3 route add default via $LAN3_ROUTER
ip netns exec router sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'
