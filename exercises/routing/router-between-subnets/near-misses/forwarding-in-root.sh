# expect-fail: router-forwards
# A plain sysctl in the lab terminal changes the root namespace; router keeps
# its own ip_forward = 0.
ip -n left route add 10.2.0.0/24 via 10.1.0.1
ip -n right route add 10.1.0.0/24 via 10.2.0.1
sysctl -w net.ipv4.ip_forward=1
