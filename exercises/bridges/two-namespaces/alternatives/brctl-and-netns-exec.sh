# Other interface names, bridge-utils for the bridge, and commands run with ip netns exec.
ip netns add red
ip netns add blue
brctl addbr br0
ip link add r-out type veth peer name r-in
ip link add b-out type veth peer name b-in
ip link set r-in netns red
ip link set b-in netns blue
brctl addif br0 r-out
brctl addif br0 b-out
ip link set dev br0 up
ip link set dev r-out up
ip link set dev b-out up
ip netns exec red ip address add 10.0.0.1/24 dev r-in
ip netns exec blue ip address add 10.0.0.2/24 dev b-in
ip netns exec red ip link set dev r-in up
ip netns exec blue ip link set dev b-in up
