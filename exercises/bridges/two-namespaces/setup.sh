# Start state: no lab namespaces, bridges or veths, no firewall rules, which
# is exactly what the shared reset (exercises/_lib/reset.sh) leaves.
true
