# The bonding driver's sysfs interface instead of ip link. `ip netns exec`
# mounts the namespace's own /sys, where bonding_masters creates bonds; the
# mode must be set before the first slave joins.
ip netns exec server bash -c 'echo +bond0 > /sys/class/net/bonding_masters'
ip netns exec server bash -c 'echo active-backup > /sys/class/net/bond0/bonding/mode'
ip netns exec server bash -c 'echo 100 > /sys/class/net/bond0/bonding/miimon'
ip -n server link set eth0 down
ip -n server link set eth1 down
ip netns exec server bash -c 'echo +eth0 > /sys/class/net/bond0/bonding/slaves'
ip netns exec server bash -c 'echo +eth1 > /sys/class/net/bond0/bonding/slaves'
ip -n server addr add 10.30.0.1/24 dev bond0
ip -n server link set bond0 up
