# expect-fail: left-route
# left's route goes via its own address. The kernel accepts it and then
# treats 10.2.0.2 as on the link: left ARPs for it and nobody answers.
ip -n left route add 10.2.0.0/24 via 10.1.0.2
ip -n right route add 10.1.0.0/24 via 10.2.0.1
ip netns exec router sysctl -w net.ipv4.ip_forward=1
