# A second /24 via r1 with a lower metric than the stale one: same length,
# so the metric decides, and 50 < 100. The stale route stays, unused.
ip -n host route add 10.20.3.0/24 via 10.0.1.1 metric 50
