# Start state: Open vSwitch running with no bridge; namespaces red1, red2,
# blue1, blue2 with 10.0.0.1-4/24 on eth0, each the peer of a free host end
# veth-red1 ... veth-blue2 in the root namespace, left DOWN (adding a port
# to OVS does not bring it up). Runs after the shared reset.
# OVS is started by hand rather than with ovs-ctl, which runs dozens of
# processes more (seconds on the emulated CPU): the module, an empty
# database, its server, the root row, then the switch daemon.
modprobe openvswitch
mkdir -p /var/run/openvswitch
ovsdb-tool create /etc/openvswitch/conf.db /usr/share/openvswitch/vswitch.ovsschema
ovsdb-server /etc/openvswitch/conf.db --remote=punix:/var/run/openvswitch/db.sock --pidfile --detach --log-file -vconsole:off
ovs-vsctl --no-wait init
ovs-vswitchd --pidfile --detach --log-file -vconsole:off
i=1
for n in red1 red2 blue1 blue2; do
  ip netns add "$n"
  ip link add "veth-$n" type veth peer name eth0 netns "$n"
  ip -n "$n" addr add "10.0.0.$i/24" dev eth0
  ip -n "$n" link set eth0 up
  ip -n "$n" link set lo up
  i=$((i + 1))
done
