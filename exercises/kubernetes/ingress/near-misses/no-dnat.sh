# expect-fail: way-in
# nginx routes correctly inside the Pod, but nothing sends node1's port 80 to
# it: node1 refuses ext's connections itself.
echo 'upstream web { server 10.244.1.2:8080; server 10.244.2.2:8080; }' > /etc/nginx/conf.d/ingress.conf
echo 'upstream api { server 10.244.2.3:8080; }' >> /etc/nginx/conf.d/ingress.conf
echo 'server { listen 80; server_name web.lab.example; location / { proxy_pass http://web; } }' >> /etc/nginx/conf.d/ingress.conf
echo 'server { listen 80; server_name api.lab.example; location / { proxy_pass http://api; } }' >> /etc/nginx/conf.d/ingress.conf
ip netns exec ingress nginx
