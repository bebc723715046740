printf 'search lab.example\nnameserver 10.0.0.53\noptions ndots:2\n' >/etc/netns/client/resolv.conf
