# Capture in client, only port 80, and stop after three packets: SYN, SYN-ACK, ACK.
# tcpdump writes the file when it exits, so -c 3 also flushes it.
ip netns exec client tcpdump -i eth0 -n -c 3 -w /root/handshake.pcap tcp port 80 &
sleep 3
ip netns exec client curl -s http://10.0.0.1/
sleep 2
tcpdump -n -r /root/handshake.pcap
