# netlab reset: returns a used lab VM to the pristine networking state of the
# image's snapshot, without a restore. The runner prepends it to every
# exercise's setup.sh (graders/node.ts in Node, src/plugins/exercises/load.ts
# for the site's Start button), so a setup only builds its own start state.
#
# Safe on a VM in any state and idempotent. Never touches the control agent
# (netlab-agentd, its cat) or the learner shells (netlab-shell-loop, their
# login bash): only processes inside other network namespaces and a fixed
# list of daemon names are killed. Forks are counted (each one costs tens of
# milliseconds on the emulated CPU), so the common case runs mostly builtins.
# The last step checks the result and exits 97 when something survived, so
# the runner can restore the snapshot instead of grading a dirty VM.

# 1. Processes. Anything in a network namespace other than PID 1's keeps that
# namespace (and its links) alive, so those go first, with the daemons
# lessons start in the root namespace.
netlab_victims=()
for netlab_p in /proc/[0-9]*; do
  netlab_pid=${netlab_p#/proc/}
  [[ $netlab_pid == 1 || $netlab_pid == "$$" || $netlab_pid == "$BASHPID" ]] && continue
  IFS= read -r netlab_comm <"$netlab_p/comm" 2>/dev/null || continue
  case $netlab_comm in
    # Daemons and long-running tools lessons start; bash is spared on purpose.
    dnsmasq | socat | nc | nc.openbsd | ncat | netcat | tcpdump | ping | arping | \
      python3 | python | busybox | httpd | udhcpd | udhcpc | dhclient | iperf | iperf3 | conntrack | \
      bird | birdc | nginx)
      netlab_victims+=("$netlab_pid") ;;
    # Open vSwitch's daemons and the "monitor" parents --monitor gives them
    # (which restart a daemon only after a crash signal, never after KILL).
    ovsdb-server | ovs-vswitchd | monitor) netlab_victims+=("$netlab_pid") ;;
    *)
      # -ef compares the namespace inodes; kernel threads stay in PID 1's.
      [[ -e $netlab_p/ns/net && ! $netlab_p/ns/net -ef /proc/1/ns/net ]] && netlab_victims+=("$netlab_pid") ;;
  esac
done
((${#netlab_victims[@]})) && kill -KILL "${netlab_victims[@]}" 2>/dev/null

# 1b. Open vSwitch, only if it ran (a stat or two otherwise). Its kernel
# datapath outlives the daemons and keeps the module and its devices
# (ovs-system, internal ports, vxlan_sys_4789) alive: ovs-dpctl deletes it
# with all its ports. The database goes too, so the next ovs-ctl start
# creates an empty one, as in the image.
if [[ -d /sys/module/openvswitch || -e /etc/openvswitch/conf.db || -e /var/run/openvswitch ]]; then
  [[ -e /sys/class/net/ovs-system ]] && ovs-dpctl del-dp system@ovs-system 2>/dev/null
  # Its tunnel vports (vport_vxlan...) are modules of their own that use it.
  netlab_victims=()
  while read -r netlab_t _; do [[ $netlab_t == vport_* ]] && netlab_victims+=("$netlab_t"); done </proc/modules
  modprobe -r "${netlab_victims[@]}" openvswitch 2>/dev/null
  rm -rf /etc/openvswitch/conf.db /etc/openvswitch/.conf.db.~lock~ /etc/openvswitch/system-id.conf \
    /var/run/openvswitch /var/log/openvswitch/*.log 2>/dev/null
fi

# 2. Firewalls. `nft flush ruleset` also empties iptables-nft, which keeps its
# rules as nft tables. Legacy (x_tables) tables come into being on first use
# and the pristine VM has none. Each one that exists is restored to built-in
# chains with ACCEPT policies and no rules (naming a missing one would create
# it); then, no longer pinned by rules, the table modules are unloaded, which
# removes the tables, and init's two are loaded again.
nft flush ruleset 2>/dev/null
netlab_legacy() { # tables-names-file restore-command
  local t body=""
  [[ -r $1 ]] || return 0
  while IFS= read -r t; do
    case $t in
      filter | security) body+="*$t"$'\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n' ;;
      nat) body+="*$t"$'\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\nCOMMIT\n' ;;
      mangle) body+="*$t"$'\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\nCOMMIT\n' ;;
      raw) body+="*$t"$'\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n' ;;
    esac
  done <"$1"
  # Without --noflush, restore empties each table it names and deletes its user chains.
  [[ -z $body ]] || printf '%s' "$body" | "$2" 2>/dev/null
  return 0
}
netlab_legacy /proc/net/ip_tables_names iptables-legacy-restore
netlab_legacy /proc/net/ip6_tables_names ip6tables-legacy-restore
netlab_t="" netlab_line=""
IFS= read -r -d '' netlab_t </proc/net/ip_tables_names
[[ -r /proc/net/ip6_tables_names ]] && IFS= read -r -d '' netlab_line </proc/net/ip6_tables_names
if [[ -n $netlab_t$netlab_line ]]; then
  netlab_victims=()
  while read -r netlab_t _; do
    [[ $netlab_t == iptable_* || $netlab_t == ip6table_* ]] && netlab_victims+=("$netlab_t")
  done </proc/modules
  # If a module is still busy, the emptied tables stay: they filter nothing.
  rmmod "${netlab_victims[@]}" 2>/dev/null
  modprobe -a iptable_filter iptable_nat 2>/dev/null
fi
# NAT and conntrack state of the last lesson would otherwise steer this one's first packets.
conntrack -F >/dev/null 2>&1
[[ -e /proc/net/ip_vs ]] && ipvsadm -C 2>/dev/null

# 3. Links, addresses, routes and rules of the root namespace, in one ip
# process each for IPv4 and IPv6. Every link but lo goes (the pristine VM has
# no other); deleting a veth end also removes its peer, and -force carries on
# past the peers already gone. Links first: namespace teardown is lazy.
netlab_batch=""
for netlab_l in /sys/class/net/*; do
  # Devices are symlinks; a loaded bonding module adds the plain file bonding_masters.
  [[ -L $netlab_l ]] || continue
  netlab_l=${netlab_l##*/}
  [[ $netlab_l == lo ]] || netlab_batch+="link del dev $netlab_l"$'\n'
done
netlab_batch+=$'link set dev lo up mtu 65536\naddress flush dev lo scope global\nroute flush table main\n'
# Tables other than local and main, e.g. from policy-routing lessons. (No
# process substitution anywhere: the VM has no /dev/fd.)
netlab_tables=" "
while read -r netlab_line; do
  [[ $netlab_line =~ \ table\ ([^ ]+) ]] || continue
  netlab_t=${BASH_REMATCH[1]}
  [[ $netlab_t == local || $netlab_t == main || $netlab_tables == *" $netlab_t "* ]] || netlab_tables+="$netlab_t "
done <<<"$(ip -o route show table all 2>/dev/null; ip -o -6 route show table all 2>/dev/null)"
for netlab_t in $netlab_tables; do netlab_batch+="route flush table $netlab_t"$'\n'; done
# Rules: back to the kernel's defaults only when they differ (flush drops main and default too).
netlab_rules() { # ip-family-flag; prints the rules one per line, trailing blanks trimmed by read
  local l out=""
  while read -r l; do out+="$l|"; done <<<"$(ip "$1" rule show 2>/dev/null)"
  printf '%s' "$out"
}
if [[ $(netlab_rules -4) != $'0:\tfrom all lookup local|32766:\tfrom all lookup main|32767:\tfrom all lookup default|' ]]; then
  netlab_batch+=$'rule flush\nrule add priority 32766 table main\nrule add priority 32767 table default\n'
fi
printf '%s' "$netlab_batch" | ip -4 -force -batch - 2>/dev/null
netlab_batch=$'address flush dev lo scope global\nroute flush table main\n'
for netlab_t in $netlab_tables; do netlab_batch+="route flush table $netlab_t"$'\n'; done
if [[ $(netlab_rules -6) != $'0:\tfrom all lookup local|32766:\tfrom all lookup main|' ]]; then
  netlab_batch+=$'rule flush\nrule add priority 32766 table main\n'
fi
printf '%s' "$netlab_batch" | ip -6 -force -batch - >/dev/null 2>&1

# 4. Namespaces: their processes are gone, so deleting the names frees them.
ip -all netns delete 2>/dev/null
rm -rf /run/netns/* /etc/netns/* 2>/dev/null
# Tunnel modules make a fallback device in the root namespace (tunl0, gre0,
# sit0...) that cannot be deleted, only unloaded with its module.
netlab_victims=()
for netlab_t in ipip ip_gre sit ip6_gre ip6_tunnel ip_vti ip6_vti; do
  [[ -d /sys/module/$netlab_t ]] && netlab_victims+=("$netlab_t")
done
((${#netlab_victims[@]})) && modprobe -r "${netlab_victims[@]}" 2>/dev/null

# Files lessons leave outside /etc/netns. DHCP: the server's and clients'
# leases (a new server would hand out the old addresses), and the root's
# resolv.conf, which a DHCP client run without its own /etc/netns/<ns>/
# overwrites. Tests first: rm is a process, and the common case has none.
netlab_batch=""
for netlab_l in /var/lib/misc/dnsmasq.leases /var/lib/dhcp/dhclient*.leases /var/lib/udhcpd/udhcpd.leases; do
  [[ -e $netlab_l ]] && netlab_batch+=" $netlab_l"
done
# CNI lessons: configs, and host-local IPAM's allocations (the next ADD
# would skip the addresses they hold).
for netlab_l in /etc/cni /var/lib/cni; do [[ -e $netlab_l ]] && netlab_batch+=" $netlab_l"; done
# Ingress lessons: the sites a learner gave nginx (the image has none).
for netlab_l in /etc/nginx/conf.d/* /etc/nginx/sites-enabled/*; do [[ -e $netlab_l ]] && netlab_batch+=" $netlab_l"; done
# shellcheck disable=SC2086 # the paths have no blanks
[[ -n $netlab_batch ]] && rm -rf $netlab_batch
netlab_v=""
IFS= read -r -d '' netlab_v </etc/resolv.conf
[[ $netlab_v == $'# No DNS server is configured yet: the DNS chapter starts one with dnsmasq.\n' ]] ||
  printf '# No DNS server is configured yet: the DNS chapter starts one with dnsmasq.\n' >/etc/resolv.conf

# 5. Sysctls lessons change, back to the kernel defaults the snapshot has.
# Writing ip_forward also resets forwarding on "all", "default" and every device.
netlab_sysctl() { [[ -w /proc/sys/$1 ]] && printf '%s\n' "$2" >"/proc/sys/$1"; }
netlab_sysctl net/ipv4/ip_forward 0
for netlab_c in all default lo; do
  netlab_sysctl "net/ipv6/conf/$netlab_c/forwarding" 0
  netlab_sysctl "net/ipv6/conf/$netlab_c/disable_ipv6" 0
  for netlab_k in rp_filter:0 proxy_arp:0 accept_redirects:1 send_redirects:1 arp_ignore:0 arp_announce:0 \
    accept_local:0 route_localnet:0 log_martians:0; do
    netlab_sysctl "net/ipv4/conf/$netlab_c/${netlab_k%:*}" "${netlab_k#*:}"
  done
done
netlab_sysctl net/ipv4/ip_local_port_range $'32768\t60999'
netlab_sysctl net/ipv4/ping_group_range $'1\t0'
netlab_sysctl net/ipv4/ip_unprivileged_port_start 1024
# br_netfilter (bridged traffic through iptables) is not loaded in the image.
[[ -d /proc/sys/net/bridge ]] && modprobe -r br_netfilter 2>/dev/null

# 6. Check, cheaply: what a grader would see first if the reset had failed.
netlab_left=""
for netlab_l in /sys/class/net/*; do [[ ! -L $netlab_l || ${netlab_l##*/} == lo ]] || netlab_left+=" link:${netlab_l##*/}"; done
for netlab_l in /run/netns/*; do [[ -e $netlab_l ]] && netlab_left+=" netns:${netlab_l##*/}"; done
[[ -e /etc/openvswitch/conf.db || -d /sys/module/openvswitch ]] && netlab_left+=" openvswitch"
IFS= read -r netlab_v </proc/sys/net/ipv4/ip_forward; [[ $netlab_v == 0 ]] || netlab_left+=" ip_forward=$netlab_v"
if [[ -n $netlab_left ]]; then
  echo "netlab reset: could not clean up:$netlab_left" >&2
  exit 97
fi
unset -f netlab_legacy netlab_rules netlab_sysctl
unset netlab_victims netlab_p netlab_pid netlab_comm netlab_batch netlab_l netlab_tables netlab_line netlab_t \
  netlab_c netlab_k netlab_left netlab_v
