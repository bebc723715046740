# net-tools' ifconfig inside the namespace.
ip netns exec server ifconfig eth0 mtu 1500
