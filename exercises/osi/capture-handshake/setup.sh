# Start state: two namespaces joined by one cable (a veth pair, eth0 at both
# ends): server 10.0.0.1/24 with a web server on port 80, client 10.0.0.2/24.
# No capture file yet: a learner's earlier attempt must not count.
rm -f /root/handshake.pcap
ip netns add client
ip netns add server
ip link add eth0 netns client type veth peer name eth0 netns server
ip -n server addr add 10.0.0.1/24 dev eth0
ip -n client addr add 10.0.0.2/24 dev eth0
for ns in client server; do ip -n "$ns" link set lo up; ip -n "$ns" link set eth0 up; done
# busybox httpd starts in milliseconds and daemonizes; it runs in server, so
# the shared reset stops it.
mkdir -p /run/netlab-www
printf 'hello from server\n' >/run/netlab-www/index.html
ip netns exec server busybox httpd -p 10.0.0.1:80 -h /run/netlab-www
