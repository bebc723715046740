# As in a Kubernetes Pod: ndots:5 sends every name with fewer than five dots through the search list first.
printf 'nameserver 10.0.0.53\nsearch lab.example\noptions ndots:5 timeout:2\n' >/etc/netns/client/resolv.conf
