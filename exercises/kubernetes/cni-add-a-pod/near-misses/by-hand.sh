# expect-fail: allocation
# The right config, but the Pod wired by hand the way the containers chapter
# did: same links and address, and host-local knows nothing about 10.244.1.2,
# so it hands it out again to the next Pod.
mkdir -p /etc/cni/net.d
echo '{"cniVersion": "1.0.0", "name": "node1", "type": "bridge", "bridge": "cni0", "isGateway": true, "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.244.1.0/24"}]], "routes": [{"dst": "0.0.0.0/0"}]}}' > /etc/cni/net.d/10-node1.conf
ip -n node1 link add veth-pod-new type veth peer name eth0 netns pod-new
ip -n node1 link set veth-pod-new master cni0 up
ip -n pod-new addr add 10.244.1.2/24 dev eth0
ip -n pod-new link set eth0 up
ip -n pod-new route add default via 10.244.1.1
