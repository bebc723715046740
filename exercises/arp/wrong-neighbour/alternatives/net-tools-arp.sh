# The old net-tools way, run inside alpha.
ip netns exec alpha arp -n
ip netns exec alpha arp -d 10.0.0.2
