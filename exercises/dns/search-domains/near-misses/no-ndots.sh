# expect-fail: ndots
# The search list alone: api.svc has one dot, enough for the default ndots:1, so it is asked as written first.
printf 'search lab.example\nnameserver 10.0.0.53\n' >/etc/netns/client/resolv.conf
