ip -n host route del 10.20.3.0/24 via 10.0.2.1
