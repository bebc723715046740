# expect-fail: handshake
# Stops after the first packet: the file holds the client's SYN and nothing else.
ip netns exec client tcpdump -i eth0 -n -c 1 -w /root/handshake.pcap tcp port 80 &
sleep 3
ip netns exec client curl -s http://10.0.0.1/
sleep 2
