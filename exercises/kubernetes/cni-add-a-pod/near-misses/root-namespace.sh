# expect-fail: veth-on-cni0
# The plugin run in the root namespace instead of node1: it creates a bridge
# cni0 there (with 10.244.1.1, isGateway) and puts pod-new's peer on it. The
# Pod even reaches a 10.244.1.1, the wrong one.
mkdir -p /etc/cni/net.d
echo '{"cniVersion": "1.0.0", "name": "node1", "type": "bridge", "bridge": "cni0", "isGateway": true, "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.244.1.0/24"}]], "routes": [{"dst": "0.0.0.0/0"}]}}' > /etc/cni/net.d/10-node1.conf
CNI_COMMAND=ADD CNI_CONTAINERID=pod-new CNI_NETNS=/var/run/netns/pod-new CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /etc/cni/net.d/10-node1.conf
