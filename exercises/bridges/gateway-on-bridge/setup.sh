# Start state: app and db (10.0.1.10, 10.0.1.20) on br0, a service address
# 172.16.0.1 on svc0 in the root namespace, no gateway yet. Runs after the
# shared reset (exercises/_lib/reset.sh), so it starts from a clean VM.
ip link add br0 type bridge
ip link set br0 up
for h in app:10 db:20; do
  name=${h%%:*}; n=${h##*:}
  ip netns add "$name"
  ip link add "veth-$name" type veth peer name eth0 netns "$name"
  ip link set "veth-$name" master br0 up
  ip -n "$name" addr add "10.0.1.$n/24" dev eth0
  ip -n "$name" link set eth0 up
  ip -n "$name" link set lo up
done
ip link add svc0 type dummy
ip addr add 172.16.0.1/32 dev svc0
ip link set svc0 up
