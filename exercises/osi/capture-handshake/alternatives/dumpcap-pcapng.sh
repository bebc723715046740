# dumpcap (Wireshark's capture engine) writes pcapng, whatever the file is called.
ip netns exec client dumpcap -q -i eth0 -a duration:8 -w /root/handshake.pcap &
sleep 4
ip netns exec client curl -s http://10.0.0.1/
sleep 6
