# One server for every host: a map from the Host header to the Service's
# ClusterIP (kube-proxy's rules in node1 then pick an endpoint), an unknown
# Host gets 404, and an nftables DNAT for the way in.
echo 'map $host $service { web.lab.example 10.96.0.20; api.lab.example 10.96.0.30; }' > /etc/nginx/conf.d/ingress.conf
echo 'server { listen 80 default_server; location / { if ($service = "") { return 404; } proxy_pass http://$service; } }' >> /etc/nginx/conf.d/ingress.conf
ip netns exec ingress nginx
ip netns exec node1 nft add table ip ingress
ip netns exec node1 nft add chain ip ingress pre '{ type nat hook prerouting priority dstnat; }'
ip netns exec node1 nft add rule ip ingress pre ip daddr 192.168.50.11 tcp dport 80 dnat to 10.244.1.80:80
