# Weighted round robin with equal weights is plain round robin; the VIP on
# another local device (a dummy named as you like) works as well as kube-ipvs0.
ip netns exec node1 ip link add svc0 type dummy
ip netns exec node1 ip link set svc0 up
ip netns exec node1 ip addr add 10.96.0.20/32 dev svc0
ip netns exec node1 ipvsadm -A -t 10.96.0.20:80 -s wrr
ip netns exec node1 ipvsadm -a -t 10.96.0.20:80 -r 10.244.1.2:8080 -m -w 5
ip netns exec node1 ipvsadm -a -t 10.96.0.20:80 -r 10.244.2.2:8080 -m -w 5
