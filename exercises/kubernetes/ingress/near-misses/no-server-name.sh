# expect-fail: api-host
# Two servers and no server_name: nginx cannot tell them apart ("conflicting
# server name"), so the first one, web's, takes every Host and
# api.lab.example gets pod-a and pod-b.
echo 'server { listen 80; location / { proxy_pass http://10.96.0.20; } }' > /etc/nginx/conf.d/ingress.conf
echo 'server { listen 80; location / { proxy_pass http://10.96.0.30; } }' >> /etc/nginx/conf.d/ingress.conf
ip netns exec ingress nginx
ip netns exec node1 iptables -t nat -A PREROUTING -d 192.168.50.11 -p tcp --dport 80 -j DNAT --to-destination 10.244.1.80:80
