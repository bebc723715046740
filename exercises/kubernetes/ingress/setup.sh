# Start state (docs/ingress.mdx draws it): the Services chapters' cluster from
# exercises/_lib/k8s.sh (node1 192.168.50.11/24 and node2 192.168.50.12/24 on
# the root namespace's bridge lan, host-gw routes between the Pod CIDRs,
# Service web's endpoints pod-a 10.244.1.2 on node1 and pod-b 10.244.2.2 on
# node2, each serving its name on 8080, and the client pod-c 10.244.1.3), plus:
k8s_service_cluster
# - the endpoint of a second Service, api: Pod api 10.244.2.3 on node2, whose
#   page on 8080 is "api";
k8s_pod node2 api 10.244.2.3
k8s_serve api 8080
# - the Pod the ingress controller runs in, 10.244.1.80 on node1, with nothing
#   started in it (nginx is installed; the reset left it no site);
k8s_pod node1 ingress 10.244.1.80
# - a client outside the cluster: namespace ext, 192.168.50.100/24 on lan
#   through the veth ext-eth0, with no route to the Pods;
ip netns add ext
ip link add ext-eth0 type veth peer name eth0 netns ext
ip link set ext-eth0 master lan up
ip -n ext link set lo up
ip -n ext addr add 192.168.50.100/24 dev eth0
ip -n ext link set eth0 up
# - both Services programmed on both nodes as kube-proxy's iptables mode
#   writes them (chain suffixes are hashes in a real cluster): web
#   10.96.0.20:80 over pod-a and pod-b, api 10.96.0.30:80 to api:8080. One
#   iptables-restore per node: each iptables process costs the emulated CPU.
for n in node1 node2; do
  ip netns exec $n iptables-restore --noflush <<'RULES'
*nat
:KUBE-SERVICES - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-SVC-WEB - [0:0]
:KUBE-SVC-API - [0:0]
:KUBE-SEP-PODA - [0:0]
:KUBE-SEP-PODB - [0:0]
:KUBE-SEP-API - [0:0]
-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
-A KUBE-SERVICES -d 10.96.0.20/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-WEB
-A KUBE-SERVICES -d 10.96.0.30/32 -p tcp -m comment --comment "default/api cluster IP" -m tcp --dport 80 -j KUBE-SVC-API
-A KUBE-SVC-WEB -m comment --comment "default/web -> 10.244.1.2:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-PODA
-A KUBE-SVC-WEB -m comment --comment "default/web -> 10.244.2.2:8080" -j KUBE-SEP-PODB
-A KUBE-SVC-API -m comment --comment "default/api -> 10.244.2.3:8080" -j KUBE-SEP-API
-A KUBE-SEP-PODA -s 10.244.1.2/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ
-A KUBE-SEP-PODA -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.1.2:8080
-A KUBE-SEP-PODB -s 10.244.2.2/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ
-A KUBE-SEP-PODB -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.2.2:8080
-A KUBE-SEP-API -s 10.244.2.3/32 -m comment --comment "default/api" -j KUBE-MARK-MASQ
-A KUBE-SEP-API -p tcp -m comment --comment "default/api" -m tcp -j DNAT --to-destination 10.244.2.3:8080
COMMIT
RULES
done
# Check's http probe (socat) closes its sending side once the request is
# out, as HTTP allows; nginx takes that for a client that gave up and drops
# the request it is proxying (status 499 in access.log). curl keeps its side
# open, so this line changes nothing for you; without it Check would see
# empty answers. The file sits beside yours and the reset removes both.
printf '%s\n' '# For Check: its probe half-closes the connection after the request (see the lab).' \
  'proxy_ignore_client_abort on;' >/etc/nginx/conf.d/00-check.conf
