# expect-fail: subnet-3-via-r1
# A second 10.20.3.0/24, via r1, with a worse metric than the stale one: at
# equal length the lower metric wins, and 100 < 200, so r2 still gets it.
ip -n host route add 10.20.3.0/24 via 10.0.1.1 metric 200
