# The older domain keyword gives a one-entry search list.
printf 'nameserver 10.0.0.53\ndomain lab.example\noptions ndots:2\n' >/etc/netns/client/resolv.conf
