# Keeps a static entry, now with beta's real MAC, read from beta's eth0 at run time.
ip -n alpha neigh replace 10.0.0.2 lladdr $(ip -n beta -br link show eth0 | awk '{print $3}') dev eth0 nud permanent
