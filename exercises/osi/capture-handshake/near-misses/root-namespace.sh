# expect-fail: handshake
# Captures in the root namespace, which none of client's packets cross: the file is valid but empty.
timeout 8 tcpdump -i any -n -w /root/handshake.pcap tcp port 80 &
sleep 3
ip netns exec client curl -s http://10.0.0.1/
sleep 6
