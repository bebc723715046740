# Long forms: an explicit broadcast, 0.0.0.0/0 instead of "default", ip route replace.
ip address add 10.0.1.1/24 brd + dev br0
ip netns exec app ip route add 0.0.0.0/0 via 10.0.1.1 dev eth0
ip netns exec db ip route replace default via 10.0.1.1
