# Start state: the two-node cluster of exercises/_lib/k8s.sh (lan; node1
# 192.168.50.11/24 with cni0 10.244.1.1/24; node2 192.168.50.12/24 with cni0
# 10.244.2.1/24; forwarding and bridge-nf-call-iptables on) and a new Pod's
# sandbox: the namespace pod-new with only lo up, as a runtime creates it
# before it calls CNI. No /etc/cni (the shared reset removes it and
# /var/lib/cni, host-local's allocations).
k8s_cluster
ip netns add pod-new
ip -n pod-new link set lo up
