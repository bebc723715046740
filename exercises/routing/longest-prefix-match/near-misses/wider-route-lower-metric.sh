# expect-fail: subnet-3-via-r1
# A better metric on the /16 does not help: prefix length is compared before
# the metric, so the /24 via r2 still wins for 10.20.3.x.
ip -n host route add 10.20.0.0/16 via 10.0.1.1 metric 10
