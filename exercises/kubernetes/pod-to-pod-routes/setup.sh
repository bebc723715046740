# Start state (docs/pod-to-pod.mdx draws it): the shared two-node cluster from
# exercises/_lib/k8s.sh (node1 192.168.50.11/24 and node2 192.168.50.12/24 on
# the root namespace's bridge lan; cni0 10.244.1.1/24 on node1 and
# 10.244.2.1/24 on node2; forwarding and bridge-nf-call-iptables on), and one
# Pod per node, as the CNI bridge plugin leaves it: pod-a (10.244.1.2) on
# node1 and pod-b (10.244.2.2) on node2, each with a default route via its
# cni0. No node knows the other's Pod CIDR yet.
k8s_cluster
k8s_pod node1 pod-a 10.244.1.2
k8s_pod node2 pod-b 10.244.2.2
