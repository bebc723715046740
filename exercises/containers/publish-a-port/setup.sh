# Start state: what `docker run` leaves behind on the default bridge network,
# minus the NAT. A bridge docker0 with the gateway 172.17.0.1/16; a
# "container" namespace web whose eth0 (172.17.0.2/16, default route via
# 172.17.0.1) is one end of a veth whose other end, veth-web, is a port of
# docker0; a web server in web on port 80. A namespace outside
# (198.51.100.2/24, no route to 172.17.0.0/16) stands for the world, linked
# to the root namespace's 198.51.100.1/24. Forwarding off, no firewall rules
# (the shared reset that runs first sees to both).
ip link add docker0 type bridge
ip addr add 172.17.0.1/16 dev docker0
ip link set docker0 up
ip netns add web
ip link add veth-web type veth peer name eth0 netns web
ip link set veth-web master docker0
ip link set veth-web up
ip -n web addr add 172.17.0.2/16 dev eth0
ip -n web link set lo up
ip -n web link set eth0 up
ip -n web route add default via 172.17.0.1
ip netns add outside
ip link add veth-outside type veth peer name eth0 netns outside
ip addr add 198.51.100.1/24 dev veth-outside
ip link set veth-outside up
ip -n outside addr add 198.51.100.2/24 dev eth0
ip -n outside link set lo up
ip -n outside link set eth0 up
# The page. busybox httpd starts in milliseconds (python3 takes seconds on
# the emulated CPU), daemonizes, and runs in web, so the reset stops it.
mkdir -p /run/netlab-www
printf 'hello from web\n' >/run/netlab-www/index.html
ip netns exec web busybox httpd -p 80 -h /run/netlab-www
