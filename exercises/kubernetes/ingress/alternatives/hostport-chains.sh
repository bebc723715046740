# A Pod spec's hostPort 80, as the CNI portmap plugin writes it (chain
# suffixes are hashes there): CNI-HOSTPORT-DNAT for local destinations, one
# CNI-DN- chain per Pod. nginx listens on the Pod's address only and proxies
# each host to its Service's ClusterIP.
echo 'server { listen 10.244.1.80:80; server_name web.lab.example; location / { proxy_pass http://10.96.0.20:80; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; } }' > /etc/nginx/conf.d/ingress.conf
echo 'server { listen 10.244.1.80:80; server_name api.lab.example; location / { proxy_pass http://10.96.0.30:80; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; } }' >> /etc/nginx/conf.d/ingress.conf
ip netns exec ingress nginx
ip netns exec node1 iptables -t nat -N CNI-HOSTPORT-DNAT
ip netns exec node1 iptables -t nat -N CNI-DN-INGRESS
ip netns exec node1 iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT
ip netns exec node1 iptables -t nat -A CNI-HOSTPORT-DNAT -p tcp -m multiport --dports 80 -j CNI-DN-INGRESS
ip netns exec node1 iptables -t nat -A CNI-DN-INGRESS -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.244.1.80:80
