# expect-fail: site-via-r1
# The wrong route deleted: without the /16, 10.20.1.x and 10.20.2.x fall to
# the default route via r2, and 10.20.3.x still goes there by its /24.
ip -n host route del 10.20.0.0/16 via 10.0.1.1
