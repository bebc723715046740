# expect-fail: handshake
# Connects to port 8080, where nothing listens: the server answers the SYN with a RST.
ip netns exec client timeout 8 tcpdump -i eth0 -n -w /root/handshake.pcap tcp &
sleep 3
ip netns exec client curl -s http://10.0.0.1:8080/ || echo "curl: connection refused, as expected"
sleep 6
