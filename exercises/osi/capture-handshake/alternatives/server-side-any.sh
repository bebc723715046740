# Captures on the server's side with -i any (Linux cooked v2 frames, no Ethernet header), and connects with nc.
ip netns exec server timeout 8 tcpdump -i any -n -w /root/handshake.pcap &
sleep 3
printf 'GET / HTTP/1.0\r\n\r\n' | ip netns exec client nc -q 1 10.0.0.1 80
sleep 6
