# expect-fail: capture-file
# Redirects tcpdump's printed lines into the file instead of writing a capture with -w.
ip netns exec client tcpdump -i eth0 -n -l -c 3 tcp port 80 > /root/handshake.pcap &
sleep 3
ip netns exec client curl -s http://10.0.0.1/
sleep 2
