# seed: 4
# Dotted netmasks with ifconfig (net-tools) for the hosts and with ip for
# router, one route per other subnet, forwarding per interface.
ip -n router addr add $LAN1_ROUTER/$LAN1_MASK dev to-lan1
ip -n router addr add $LAN2_ROUTER/$LAN2_MASK dev to-lan2
ip -n router addr add $LAN3_ROUTER/$LAN3_MASK dev to-lan3
ip netns exec lan1 ifconfig eth0 $LAN1_HOST netmask $LAN1_MASK
ip netns exec lan2 ifconfig eth0 $LAN2_HOST netmask $LAN2_MASK
ip netns exec lan3 ifconfig eth0 $LAN3_HOST netmask $LAN3_MASK
ip -n lan1 route add $LAN2_NET/$LAN2_PREFIX via $LAN1_ROUTER
ip -n lan1 route add $LAN3_NET/$LAN3_PREFIX via $LAN1_ROUTER
ip -n lan2 route add $LAN1_NET/$LAN1_PREFIX via $LAN2_ROUTER
ip -n lan2 route add $LAN3_NET/$LAN3_PREFIX via $LAN2_ROUTER
ip -n lan3 route add $LAN1_NET/$LAN1_PREFIX via $LAN3_ROUTER
ip -n lan3 route add $LAN2_NET/$LAN2_PREFIX via $LAN3_ROUTER
ip netns exec router sysctl -w net.ipv4.conf.to-lan1.forwarding=1
ip netns exec router sysctl -w net.ipv4.conf.to-lan2.forwarding=1
ip netns exec router sysctl -w net.ipv4.conf.to-lan3.forwarding=1
