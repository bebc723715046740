# expect-fail: controller
# The right configuration, but nginx started without `ip netns exec ingress`:
# it runs in the root namespace, and nothing listens in the ingress Pod.
echo 'upstream web { server 10.244.1.2:8080; server 10.244.2.2:8080; }' > /etc/nginx/conf.d/ingress.conf
echo 'upstream api { server 10.244.2.3:8080; }' >> /etc/nginx/conf.d/ingress.conf
echo 'server { listen 80; server_name web.lab.example; location / { proxy_pass http://web; } }' >> /etc/nginx/conf.d/ingress.conf
echo 'server { listen 80; server_name api.lab.example; location / { proxy_pass http://api; } }' >> /etc/nginx/conf.d/ingress.conf
nginx
ip netns exec node1 iptables -t nat -A PREROUTING -d 192.168.50.11 -p tcp --dport 80 -j DNAT --to-destination 10.244.1.80:80
