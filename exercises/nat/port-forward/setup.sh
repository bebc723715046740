# Start state: the masquerade lab's topology (lan 192.168.10.2/24 with a
# default route via 192.168.10.1; wan 203.0.113.2/24 with no route back), a
# web server in lan on 192.168.10.2:80, forwarding off and no firewall rules
# (the shared reset that runs first sees to both).
ip netns add lan
ip netns add wan
ip link add veth-lan type veth peer name eth0 netns lan
ip link add veth-wan type veth peer name eth0 netns wan
ip addr add 192.168.10.1/24 dev veth-lan
ip addr add 203.0.113.1/24 dev veth-wan
ip link set veth-lan up
ip link set veth-wan up
ip -n lan addr add 192.168.10.2/24 dev eth0
ip -n wan addr add 203.0.113.2/24 dev eth0
for ns in lan wan; do ip -n "$ns" link set lo up; ip -n "$ns" link set eth0 up; done
ip -n lan route add default via 192.168.10.1
# The page. busybox httpd starts in milliseconds (python3 takes seconds on
# the emulated CPU), daemonizes, and runs in lan, so the reset stops it.
mkdir -p /run/netlab-www
printf 'hello from lan\n' >/run/netlab-www/index.html
ip netns exec lan busybox httpd -p 192.168.10.2:80 -h /run/netlab-www
