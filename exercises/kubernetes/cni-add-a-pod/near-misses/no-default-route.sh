# expect-fail: pod-route
# Neither routes in the IPAM section nor isDefaultGateway: pod-new gets its
# address and its on-link /24, but no default route.
mkdir -p /etc/cni/net.d
echo '{"cniVersion": "1.0.0", "name": "node1", "type": "bridge", "bridge": "cni0", "ipam": {"type": "host-local", "subnet": "10.244.1.0/24"}}' > /etc/cni/net.d/10-node1.conf
ip netns exec node1 env CNI_COMMAND=ADD CNI_CONTAINERID=pod-new CNI_NETNS=/var/run/netns/pod-new CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /etc/cni/net.d/10-node1.conf
