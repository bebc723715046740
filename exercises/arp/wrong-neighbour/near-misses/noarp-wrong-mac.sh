# expect-fail: neighbour-entry
# Plain `ip neigh show` hides NOARP entries; the collector asks for `nud all`, so the check sees it and names it.
# Changes the entry's state to NOARP but keeps the wrong MAC: alpha still never asks and still sends to 02:00:00:00:00:99.
ip -n alpha neigh replace 10.0.0.2 lladdr 02:00:00:00:00:99 dev eth0 nud noarp
