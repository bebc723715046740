# net-tools' route, inside the namespace, deleting by prefix and gateway.
ip netns exec host route del -net 10.20.3.0 netmask 255.255.255.0 gw 10.0.2.1
