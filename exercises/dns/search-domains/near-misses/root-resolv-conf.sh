# expect-fail: search
# The search line goes to the root's /etc/resolv.conf; client reads its own file.
printf 'search lab.example\noptions ndots:2\n' >>/etc/resolv.conf
