# expect-fail: host1-vtep
# Turns learning back on and floods to the peer: it works, but the task is to do without learning.
ip -n host1 link set vxlan0 type vxlan learning
ip -n host2 link set vxlan0 type vxlan learning
bridge -n host1 fdb append 00:00:00:00:00:00 dev vxlan0 dst 192.168.100.2
bridge -n host2 fdb append 00:00:00:00:00:00 dev vxlan0 dst 192.168.100.1
