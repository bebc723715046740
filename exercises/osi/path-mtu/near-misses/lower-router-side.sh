# expect-fail: path-carries-1500
# Both ends of the link now agree, on 1400: router answers large DF packets
# with "Frag needed (mtu = 1400)", and 1500-byte packets still cannot cross.
ip -n router link set veth-server mtu 1400
