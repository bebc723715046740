# expect-fail: controller
# listen 127.0.0.1:80: nginx answers only on the Pod's loopback, so the
# connections node1 sends to 10.244.1.80:80 are refused.
echo 'server { listen 127.0.0.1:80; server_name web.lab.example; location / { proxy_pass http://10.96.0.20; } }' > /etc/nginx/conf.d/ingress.conf
echo 'server { listen 127.0.0.1:80; server_name api.lab.example; location / { proxy_pass http://10.96.0.30; } }' >> /etc/nginx/conf.d/ingress.conf
ip netns exec ingress nginx
ip netns exec node1 iptables -t nat -A PREROUTING -d 192.168.50.11 -p tcp --dport 80 -j DNAT --to-destination 10.244.1.80:80
