# expect-fail: pod-address
# node2's Pod CIDR copied into node1's config. With isGateway the plugin
# wants 10.244.2.1 on cni0, which already has 10.244.1.1: the ADD fails
# ("cni0" already has an IP address different from 10.244.2.1/24) after
# configuring pod-new's eth0 with 10.244.2.2, and releases that address.
# `|| true`: the recorder runs scripts with set -e; a learner sees the error.
mkdir -p /etc/cni/net.d
echo '{"cniVersion": "1.0.0", "name": "node1", "type": "bridge", "bridge": "cni0", "isGateway": true, "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.244.2.0/24"}]], "routes": [{"dst": "0.0.0.0/0"}]}}' > /etc/cni/net.d/10-node1.conf
ip netns exec node1 env CNI_COMMAND=ADD CNI_CONTAINERID=pod-new CNI_NETNS=/var/run/netns/pod-new CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /etc/cni/net.d/10-node1.conf || true
