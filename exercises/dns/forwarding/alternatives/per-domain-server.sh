# Forward only example.org to upstream, from a configuration file; the own zone comes from a hosts file.
printf '10.0.0.80 web.lab.example\n' >/run/lab-zone.hosts
printf 'no-resolv\nno-hosts\naddn-hosts=/run/lab-zone.hosts\ninterface=eth0\nbind-interfaces\nlocal=/lab.example/\nserver=/example.org/10.0.0.10\n' >/run/lab-dnsmasq.conf
ip netns exec dns dnsmasq --conf-file=/run/lab-dnsmasq.conf
