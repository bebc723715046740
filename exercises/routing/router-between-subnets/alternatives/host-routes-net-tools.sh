# net-tools' route inside the namespaces: a host route on one side, a subnet
# route on the other; ip_forward written through /proc.
ip netns exec left route add -host 10.2.0.2 gw 10.1.0.1
ip netns exec right route add -net 10.1.0.0 netmask 255.255.255.0 gw 10.2.0.1
ip netns exec router sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'
