# What kube-proxy (iptables mode) writes for web, chain names included: they are
# the first 16 base32 characters of a SHA-256 of "default/web:http" + "tcp"
# (+ the endpoint for a KUBE-SEP chain). Pod traffic (from 10.244.0.0/16) is
# not marked for masquerade, except a Pod reaching itself (the hairpin rule).
ip netns exec node1 iptables -t nat -N KUBE-SERVICES
ip netns exec node1 iptables -t nat -N KUBE-POSTROUTING
ip netns exec node1 iptables -t nat -N KUBE-MARK-MASQ
ip netns exec node1 iptables -t nat -N KUBE-SVC-CDGGSHYLG3RE2FKL
ip netns exec node1 iptables -t nat -N KUBE-SEP-UIQK3OSOSTRHRPBX
ip netns exec node1 iptables -t nat -N KUBE-SEP-4EX2N4PG4ASNZOBF
ip netns exec node1 iptables -t nat -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
ip netns exec node1 iptables -t nat -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
ip netns exec node1 iptables -t nat -A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
ip netns exec node1 iptables -t nat -A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
ip netns exec node1 iptables -t nat -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
ip netns exec node1 iptables -t nat -A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
ip netns exec node1 iptables -t nat -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
ip netns exec node1 iptables -t nat -A KUBE-SERVICES -d 10.96.0.20/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-CDGGSHYLG3RE2FKL
ip netns exec node1 iptables -t nat -A KUBE-SVC-CDGGSHYLG3RE2FKL ! -s 10.244.0.0/16 -d 10.96.0.20/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
ip netns exec node1 iptables -t nat -A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.2:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-UIQK3OSOSTRHRPBX
ip netns exec node1 iptables -t nat -A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.2.2:8080" -j KUBE-SEP-4EX2N4PG4ASNZOBF
ip netns exec node1 iptables -t nat -A KUBE-SEP-UIQK3OSOSTRHRPBX -s 10.244.1.2/32 -m comment --comment "default/web:http" -j KUBE-MARK-MASQ
ip netns exec node1 iptables -t nat -A KUBE-SEP-UIQK3OSOSTRHRPBX -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.1.2:8080
ip netns exec node1 iptables -t nat -A KUBE-SEP-4EX2N4PG4ASNZOBF -s 10.244.2.2/32 -m comment --comment "default/web:http" -j KUBE-MARK-MASQ
ip netns exec node1 iptables -t nat -A KUBE-SEP-4EX2N4PG4ASNZOBF -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.2.2:8080
