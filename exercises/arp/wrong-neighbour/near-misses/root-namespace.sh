# expect-fail: neighbour-entry
# Flushes the root namespace's neighbour table, which never held the wrong entry: alpha's is untouched.
ip neigh flush all nud all
ip neigh show
