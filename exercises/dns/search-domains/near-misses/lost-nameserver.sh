# expect-fail: search
# The file is rewritten without its nameserver line: the resolver now asks 127.0.0.1.
printf 'search lab.example\noptions ndots:2\n' >/etc/netns/client/resolv.conf
