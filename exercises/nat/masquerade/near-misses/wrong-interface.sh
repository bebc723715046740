# expect-fail: nat-rule
# Masquerading on the inside interface: packets toward wan leave untranslated.
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A POSTROUTING -o veth-lan -j MASQUERADE
