# expect-fail: search
# The search domain is misspelled: web becomes web.lab.exmaple, which does not exist.
printf 'search lab.exmaple\nnameserver 10.0.0.53\noptions ndots:2\n' >/etc/netns/client/resolv.conf
