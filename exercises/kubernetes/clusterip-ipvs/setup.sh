# Start state (docs/services-ipvs.mdx draws it): the same as
# kubernetes/clusterip-iptables, k8s_service_cluster from exercises/_lib/k8s.sh.
# node1 (192.168.50.11/24) and node2 (192.168.50.12/24) on the root namespace's
# bridge lan with host-gw routes; web's endpoints pod-a (10.244.1.2, node1) and
# pod-b (10.244.2.2, node2) answer their name on 8080; client pod-c
# (10.244.1.3) on node1. No IPVS service, no kube-ipvs0.
k8s_service_cluster
