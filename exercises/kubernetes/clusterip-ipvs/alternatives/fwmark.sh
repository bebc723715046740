# A firewall-mark virtual service: iptables marks the Service's packets in
# mangle PREROUTING, and IPVS balances by mark instead of by address and port.
ip netns exec node1 ip link add kube-ipvs0 type dummy
ip netns exec node1 ip addr add 10.96.0.20/32 dev kube-ipvs0
ip netns exec node1 iptables -t mangle -A PREROUTING -d 10.96.0.20 -p tcp --dport 80 -j MARK --set-mark 20
ip netns exec node1 ipvsadm -A -f 20 -s rr
ip netns exec node1 ipvsadm -a -f 20 -r 10.244.1.2:8080 -m
ip netns exec node1 ipvsadm -a -f 20 -r 10.244.2.2:8080 -m
