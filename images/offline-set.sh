#!/bin/bash
# Run in a VM restored from the fresh state (images/offline-set.ts), after
# warmup.sh. What it makes the guest open is the "offline set": the root files
# a learner's browser caches once a lab has run, so the lab starts and the
# pilot chapters' commands and Checks work with the network gone. Real use of
# each tool, not only --version, so that plugins (iptables extensions,
# conntrack helpers) and data files are opened too. Everything is removed.
exec >/dev/null 2>&1
stty cols 100 rows 30; date; clear; tput cols
# The page's terminals are xterm.js: what full-screen programs look up.
TERM=xterm-256color tput cols; TERM=xterm-256color clear; TERM=xterm-256color less --version
ip netns add off1; ip netns add off2
ip link add offbr type bridge vlan_filtering 1; ip link set offbr up
ip link add off-a type veth peer name eth0 netns off1
ip link add off-b type veth peer name eth0 netns off2
for v in off-a off-b; do ip link set "$v" master offbr; ip link set "$v" up; done
bridge vlan add dev off-a vid 10 pvid untagged; bridge vlan show; bridge fdb show; bridge -d link show
ip -n off1 addr add 10.254.0.1/24 dev eth0; ip -n off1 link set eth0 up
ip -n off2 addr add 10.254.0.2/24 dev eth0; ip -n off2 link set eth0 up
ip -d link show; ip -s link; ip route get 10.254.0.2; ip neigh; ip -n off1 neigh
sysctl -w net.ipv4.ip_forward=1; sysctl -a --pattern 'net.ipv4.conf.all'
iptables -t nat -A POSTROUTING -s 10.254.0.0/24 -o off-a -j MASQUERADE
iptables -t nat -A POSTROUTING -s 10.254.1.0/24 -j SNAT --to-source 10.254.0.9
iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -A FORWARD -i off-a -o off-b -m comment --comment x -j ACCEPT
iptables -t nat -L -v -n; iptables -S; iptables-save -c; iptables -F; iptables -t nat -F
iptables-legacy -t nat -A POSTROUTING -o off-a -j MASQUERADE; iptables-legacy-save; iptables-legacy -t nat -F
ip6tables -S; ip6tables-legacy-save
nft add table inet offt; nft add chain inet offt post '{ type nat hook postrouting priority 100; }'
nft add rule inet offt post oifname "off-a" masquerade; nft list ruleset; nft -j list ruleset; nft flush ruleset
(timeout 3 tcpdump -e -n -i offbr -c 2 -w /tmp/off.pcap &) ; sleep 0.5
ip netns exec off1 ping -c 2 -W 1 10.254.0.2; sleep 0.5; tcpdump -e -n -r /tmp/off.pcap; tcpdump -D
ip netns exec off1 arping -c 1 -w 1 10.254.0.2
conntrack -L; timeout 1 conntrack -E -e NEW
ip netns exec off2 timeout 3 socat -T 1 TCP-LISTEN:8080,reuseaddr,fork /dev/null & sleep 0.3
ip netns exec off1 sh -c 'echo hi | nc -w 1 10.254.0.2 8080'; ip netns exec off1 ncat --version
ss -ltnp; ss -H -ltunp; ip netns exec off2 ss -tn
pkill -x socat
ethtool -i off-a; ethtool -k off-a | head -3
nsenter --net=/run/netns/off1 ip addr; ip netns identify $$
dnsmasq --version; getent hosts localhost; ping -c 1 -W 1 127.0.0.1
ps aux | wc -l; find /tmp -maxdepth 1 | sort | head; base64 </dev/null; mktemp -u; awk 'BEGIN{}'; tail -n1 /etc/hostname
less --version; nano --version; vi --version; man -w ip; watch --version; tree --version
ip -all netns delete; ip link del offbr; ip link del off-a; ip link del off-b
rm -rf /tmp/* /run/netns/* 2>/dev/null
true
