# Flushes alpha's table on eth0, asking for PERMANENT entries explicitly: a plain flush skips them.
ip -n alpha neigh flush dev eth0 nud permanent
