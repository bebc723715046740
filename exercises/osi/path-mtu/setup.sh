# Start state: client (10.0.1.2/24) and server (10.0.2.2/24), each joined by
# a veth pair to router (veth-client 10.0.1.1/24, veth-server 10.0.2.1/24),
# with default routes via router and forwarding on. Every interface has the
# usual MTU of 1500 except server's eth0, set to 1400: the two ends of the
# router-server link disagree, so frames larger than 1400 bytes that router
# sends into it are dropped on arrival, without an ICMP error to anyone.
for ns in client router server; do
  ip netns add "$ns"
  ip -n "$ns" link set lo up
done
ip -n router link add veth-client type veth peer name eth0 netns client
ip -n router link add veth-server type veth peer name eth0 netns server
ip -n router addr add 10.0.1.1/24 dev veth-client
ip -n router addr add 10.0.2.1/24 dev veth-server
ip -n client addr add 10.0.1.2/24 dev eth0
ip -n server addr add 10.0.2.2/24 dev eth0
ip -n server link set eth0 mtu 1400
ip -n router link set veth-client up
ip -n router link set veth-server up
ip -n client link set eth0 up
ip -n server link set eth0 up
ip -n client route add default via 10.0.1.1
ip -n server route add default via 10.0.2.1
ip netns exec router sysctl -qw net.ipv4.ip_forward=1
