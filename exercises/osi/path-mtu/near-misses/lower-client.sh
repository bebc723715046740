# expect-fail: links-agree
# Lowering client's MTU makes its own large DF ping fail at once ("message
# too long"), adds a second mismatch, and leaves the real one in place.
ip -n client link set eth0 mtu 1400
