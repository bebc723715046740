# Start state: a switch (the bridge sw0) in the root namespace; the namespace
# server with two NICs, eth0 and eth1, cabled to the switch ports sw-eth0 and
# sw-eth1; the namespace client (eth0, 10.30.0.2/24) on port sw-client.
# sw-eth0 stays DOWN: eth0's cable is unplugged, so eth0 has NO-CARRIER.
# Runs after the shared reset (exercises/_lib/reset.sh).
# max_bonds=0: loading the module creates no bond0 of its own, and
# /sys/class/net/bonding_masters exists in every namespace from the start.
modprobe bonding max_bonds=0
ip link add sw0 type bridge
ip link set sw0 up
ip netns add server
ip netns add client
ip -n server link set lo up
ip -n client link set lo up
ip link add sw-eth0 type veth peer name eth0 netns server
ip link add sw-eth1 type veth peer name eth1 netns server
ip link add sw-client type veth peer name eth0 netns client
ip link set sw-eth0 master sw0
ip link set sw-eth1 master sw0 up
ip link set sw-client master sw0 up
ip -n server link set eth0 up
ip -n server link set eth1 up
ip -n client addr add 10.30.0.2/24 dev eth0
ip -n client link set eth0 up
