# expect-fail: router-unchanged
# host-gw through the router: the nodes send Pod traffic to their gateway and the
# router learns the Pod CIDRs. It works, and it changes the one thing that may not change.
ip -n router route add 10.244.1.0/24 via 192.168.50.11
ip -n router route add 10.244.2.0/24 via 192.168.60.12
