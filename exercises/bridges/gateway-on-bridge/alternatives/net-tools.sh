# The older net-tools commands that many tutorials still use.
ifconfig br0 10.0.1.1 netmask 255.255.255.0 up
ip netns exec app route add default gw 10.0.1.1
ip netns exec db route add default gw 10.0.1.1
