# Keep the /24 and point it at r1: replace matches on prefix and metric.
ip -n host route replace 10.20.3.0/24 via 10.0.1.1 metric 100
