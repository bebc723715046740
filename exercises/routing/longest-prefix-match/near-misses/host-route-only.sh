# expect-fail: subnet-3-via-r1
# A /32 for the one server that was tested: the ping works, the rest of
# 10.20.3.0/24 still goes to r2.
ip -n host route add 10.20.3.10/32 via 10.0.1.1
