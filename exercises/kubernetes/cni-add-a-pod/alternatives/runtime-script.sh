# A tiny runtime script, a .json config with the "ranges" form (a range
# from .10, an explicit gateway), host-local's state in its own dataDir,
# and a container ID like containerd's (a hex string, not the Pod's name).
# Script and state live under /var/lib/cni, which the reset removes.
mkdir -p /etc/cni/net.d /var/lib/cni
echo '{"cniVersion": "1.0.0", "name": "podnet", "type": "bridge", "bridge": "cni0", "isGateway": true, "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.244.1.0/24", "rangeStart": "10.244.1.10", "rangeEnd": "10.244.1.254", "gateway": "10.244.1.1"}]], "routes": [{"dst": "0.0.0.0/0"}], "dataDir": "/var/lib/cni/ipam"}}' > /etc/cni/net.d/99-podnet.json
printf '%s\n' '#!/bin/sh' '# cni-run COMMAND CONTAINER-ID NETNS: the first config, run in node1' 'conf=$(ls /etc/cni/net.d/*.conf /etc/cni/net.d/*.json 2>/dev/null | sort | head -n 1)' 'export CNI_COMMAND=$1 CNI_CONTAINERID=$2 CNI_NETNS=/var/run/netns/$3 CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni' 'exec ip netns exec node1 "$CNI_PATH/$(jq -r .type "$conf")" < "$conf"' > /var/lib/cni/cni-run
chmod +x /var/lib/cni/cni-run
/var/lib/cni/cni-run ADD 6f1c0b9e2a7d4c85 pod-new
