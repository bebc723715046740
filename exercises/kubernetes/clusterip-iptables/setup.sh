# Start state (docs/services-iptables.mdx draws it): k8s_service_cluster from
# exercises/_lib/k8s.sh. node1 (192.168.50.11/24) and node2 (192.168.50.12/24)
# on the root namespace's bridge lan, host-gw routes between their Pod CIDRs;
# Service web's endpoints pod-a (10.244.1.2, node1) and pod-b (10.244.2.2,
# node2) each answer HTTP on 8080 with their own name; the client pod-c
# (10.244.1.3) on node1. Nothing translates 10.96.0.20 yet.
k8s_service_cluster
