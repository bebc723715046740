# expect-fail: clients
# The server runs, but the clients were configured by hand with the
# addresses and options it would have given: nothing was leased.
ip netns exec dhcp dnsmasq --port=0 --interface=eth0 --bind-interfaces \
  --dhcp-range=192.168.10.100,192.168.10.199,12h \
  --dhcp-option=option:router,192.168.10.1 --dhcp-option=option:dns-server,192.168.10.53 \
  --dhcp-host=02:00:00:00:10:50,192.168.10.50
n=100
for c in client1 client2 printer; do
  a=192.168.10.$n; [ "$c" = printer ] && a=192.168.10.50
  ip -n "$c" addr add "$a/24" dev eth0
  ip -n "$c" route add default via 192.168.10.1
  mkdir -p "/etc/netns/$c" && echo "nameserver 192.168.10.53" >"/etc/netns/$c/resolv.conf"
  n=$((n + 1))
done
