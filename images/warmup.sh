#!/bin/bash
# Run once in the freshly booted VM before its state is saved. Files the
# guest has read stay in its page cache, which is part of the state, so what a
# first lesson and every Check run starts without fetching over 9p. Only that
# hot set: each warmed file makes the state (the first download) bigger, and
# a file fetched on demand costs one request. Everything it creates is removed.
exec >/dev/null 2>&1
# The driver sets the clock with date after every restore.
date; head -c 0 /dev/null
ip netns add warm1; ip netns add warm2
ip link add warmbr type bridge; ip link set warmbr up
ip link add warm-a type veth peer name eth0 netns warm1
ip link add warm-b type veth peer name eth0 netns warm2
for v in warm-a warm-b; do ip link set "$v" master warmbr; ip link set "$v" up; done
ip -n warm1 addr add 10.255.0.1/24 dev eth0; ip -n warm1 link set eth0 up
ip -n warm2 addr add 10.255.0.2/24 dev eth0; ip -n warm2 link set eth0 up
bridge -j -batch - <<<"vlan show"; bridge link show
ip -j -d -batch - <<<"link show"; ip -br addr
iptables -t nat -A POSTROUTING -s 10.255.0.0/24 -j MASQUERADE; iptables-save -c; nft -j list ruleset
ip netns exec warm1 ping -c 1 -W 2 10.255.0.2
nsenter --net=/run/netns/warm1 timeout 2 ping -c 1 -W 1 10.255.0.2
ss -H -ltunp
ip -all netns delete
ip link del warmbr; ip link del warm-a; ip link del warm-b
nft flush ruleset
rm -rf /tmp/* /run/netns/* 2>/dev/null
true
