# expect-fail: neighbour-entry
# ip neigh flush leaves PERMANENT and NOARP entries alone unless nud permanent (or nud all) is given.
ip -n alpha neigh flush dev eth0
