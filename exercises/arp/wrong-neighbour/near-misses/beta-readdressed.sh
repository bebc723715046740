# expect-fail: addresses
# Moves beta to 10.0.0.3, which alpha can reach, instead of fixing alpha's table: 10.0.0.2 is still unreachable.
ip -n beta addr del 10.0.0.2/24 dev eth0
ip -n beta addr add 10.0.0.3/24 dev eth0
ip netns exec alpha ping -c 1 10.0.0.3
