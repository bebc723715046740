# expect-fail: right-route-back
# right's route back goes via an address that is not on its link; `onlink`
# makes the kernel accept it, and right's ARP for 10.3.0.1 goes unanswered.
ip -n left route add 10.2.0.0/24 via 10.1.0.1
ip -n right route add 10.1.0.0/24 via 10.3.0.1 dev eth0 onlink
ip netns exec router sysctl -w net.ipv4.ip_forward=1
