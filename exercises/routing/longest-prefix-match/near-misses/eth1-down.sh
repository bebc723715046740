# expect-fail: internet-via-r2
# Taking the link to r2 down removes the stale route, and the default route
# with it: 10.20.3.10 answers, the internet does not.
ip -n host link set eth1 down
