# The MTU through sysfs; `ip netns exec` mounts a sysfs that shows the
# namespace's own interfaces.
ip netns exec server sh -c 'echo 1500 > /sys/class/net/eth0/mtu'
