# Start state (docs/network-policy.mdx draws it): the Services chapters'
# cluster from exercises/_lib/k8s.sh (node1 192.168.50.11/24 with pod-a
# 10.244.1.2 and pod-c 10.244.1.3, node2 192.168.50.12/24 with pod-b
# 10.244.2.2, host-gw routes between the Pod CIDRs, no NAT), plus two more
# servers: pod-b also serves on 9090 (a port no policy allows), and pod-c on
# 9090 (for pod-b's own outgoing connection). No filter rules anywhere.
k8s_service_cluster
k8s_serve pod-b 9090
k8s_serve pod-c 9090
