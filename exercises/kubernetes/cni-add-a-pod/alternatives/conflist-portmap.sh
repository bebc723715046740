# A .conflist as kubeadm-era installers write it: bridge (older single
# "subnet" form, ipMasq, hairpinMode) chained with portmap, under another
# network name. The runtime's part done by hand: bridge first, then portmap
# with the bridge's result as prevResult.
mkdir -p /etc/cni/net.d
echo '{"cniVersion": "1.0.0", "name": "k8s-pod-network", "plugins": [{"type": "bridge", "bridge": "cni0", "isGateway": true, "ipMasq": true, "hairpinMode": true, "ipam": {"type": "host-local", "subnet": "10.244.1.0/24", "routes": [{"dst": "0.0.0.0/0"}]}}, {"type": "portmap", "capabilities": {"portMappings": true}}]}' > /etc/cni/net.d/10-k8s.conflist
jq -c '.plugins[0] + {name: .name, cniVersion: .cniVersion}' /etc/cni/net.d/10-k8s.conflist > /etc/cni/bridge.json
ip netns exec node1 env CNI_COMMAND=ADD CNI_CONTAINERID=pod-new CNI_NETNS=/var/run/netns/pod-new CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /etc/cni/bridge.json > /etc/cni/result.json
jq -c --slurpfile r /etc/cni/result.json '.plugins[1] + {name: .name, cniVersion: .cniVersion, prevResult: $r[0]}' /etc/cni/net.d/10-k8s.conflist > /etc/cni/portmap.json
ip netns exec node1 env CNI_COMMAND=ADD CNI_CONTAINERID=pod-new CNI_NETNS=/var/run/netns/pod-new CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/portmap < /etc/cni/portmap.json
