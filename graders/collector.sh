# netlab state collector. Runs as root inside the lab VM through the control
# channel (bash). The TypeScript side prepends parameter assignments:
#   NETLAB_PROBES  one probe per line: "<id> <kind> <from-ns|.> <target> [arg...]"
#   NETLAB_FILES   one absolute path per line
#   NETLAB_BINFILES one absolute path per line, sent base64-encoded (binary-safe),
#                  at most the first 1 MiB + 1 byte (the reader marks it truncated)
#   NETLAB_DEEP    namespaces (or "*") that are entered for their full sysctl
#                  list and iptables/nft/ss sections (the root always is)
#   NETLAB_WAIT    probe timeout in seconds, default 1
#   NETLAB_PROCS   process names (comm) to list with their namespace and
#                  arguments; dnsmasq's lease file is sent along
#   NETLAB_CONNTRACK non-empty: send conntrack entries of the root and deep
#                  namespaces
# Output is a sequence of frames "@@section <ns> <name> <rc> <bytes>\n<body>\n",
# where <ns> is "." for the root namespace. Lengths are byte counts, so a body
# can contain anything (even "@@section") without confusing the reader.
#
# Speed: every fork+exec costs about 1.5 M instructions of the emulated i386
# (10-30 ms), so the collector starts as few processes as it can: one ip and
# one bridge batch per namespace, sysctls and /proc checks with builtins,
# netfilter and socket tools only where they can show something, no mktemp,
# no timeout wrappers, no $(...) where a builtin does. Probes start first, in
# the background, so their waiting overlaps the reading.

export LC_ALL=C PATH=/usr/sbin:/usr/bin:/sbin:/bin
NETLAB_WAIT=${NETLAB_WAIT:-1}
# Prefix of this run's scratch files on /run (a tmpfs); removed at the end.
# Probes write to files too: the image has no /dev/fd for process substitution.
export T=/run/netlab-collect.$BASHPID

emit() { # ns name rc body
  printf '@@section %s %s %s %d\n%s\n' "$1" "$2" "$3" "${#4}" "$4"
}

# Batch output goes through a file on /run (a tmpfs): mapfile reads a file
# in blocks, while a pipe or here-string is read one byte per system call
# (30 M emulated instructions for the root namespace's 14 KB). $T is set
# before the namespaces' shells start, which inherit it.
batch() { # count tool args... ; commands on stdin, one output line each into SPLIT
  local count=$1 rc
  shift
  "$@" -batch - >"$T.batch" 2>/dev/null; rc=$?
  SPLIT=()
  [[ $rc -eq 0 ]] && mapfile -t SPLIT <"$T.batch"
  [[ $rc -eq 0 && ${#SPLIT[@]} -eq $count ]]
}

# ip and bridge switch namespace themselves (-netns), so they need no
# nsenter. One `ip -batch` per namespace; if it fails or the line count is
# off (a failing command prints nothing), fall back to one process per
# command. `netconf show` gives forwarding, rp_filter and proxy_arp (as
# proxy_neigh) of every interface: the sysctls of namespaces not entered.
# Returns 1 when not even the link list could be read.
collect_ip() { # ns [-netns name]
  local ns=$1 out rc i
  shift
  local -a names=(link addr route rule neigh nsid netconf)
  local -a cmds=("link show" "addr show" "route show table all" "rule show" "neigh show nud all" "netns list-id" "netconf show")
  if batch 7 /usr/sbin/ip "$@" -j -d <<<$'link show\naddr show\nroute show table all\nrule show\nneigh show nud all\nnetns list-id\nnetconf show'; then
    # printf inline: a call of emit costs 0.2 M instructions with a big body.
    for i in 0 1 2 3 4 5 6; do
      printf '@@section %s %s 0 %d\n%s\n' "$ns" "ip.${names[i]}" "${#SPLIT[i]}" "${SPLIT[i]}"
    done
  else
    for i in "${!cmds[@]}"; do
      # shellcheck disable=SC2086 # the command words are meant to split
      out=$(/usr/sbin/ip "$@" -j -d ${cmds[$i]} 2>&1); rc=$?
      [[ $i -eq 0 && $rc -ne 0 ]] && return 1
      emit "$ns" "ip.${names[$i]}" $rc "$out"
    done
  fi
}

collect_bridge() { # ns [-netns name]
  local ns=$1 out i
  shift
  local -a names=(link vlan fdb)
  if batch 3 /usr/sbin/bridge "$@" -j <<<$'link show\nvlan show\nfdb show'; then
    for i in 0 1 2; do
      printf '@@section %s %s 0 %d\n%s\n' "$ns" "bridge.${names[i]}" "${#SPLIT[i]}" "${SPLIT[i]}"
    done
  else
    for i in 0 1 2; do
      out=$(/usr/sbin/bridge "$@" -j "${names[$i]}" show 2>&1); emit "$ns" "bridge.${names[$i]}" $? "$out"
    done
  fi
}

# /proc/sys/net belongs to the namespace of the reader, so this runs inside
# each namespace; `read` is a builtin, so no process per value. Keys are
# written out rather than derived from paths: bash's ${k//\//.} costs more
# than the read itself.
collect_sysctl() { # ns
  local ns=$1 d k v body=""
  local -a conf=(/proc/sys/net/ipv4/conf/*)
  read -r v </proc/sys/net/ipv4/ip_forward && body+="net.ipv4.ip_forward = $v"$'\n'
  read -r v </proc/sys/net/ipv6/conf/all/forwarding && body+="net.ipv6.conf.all.forwarding = $v"$'\n'
  for k in forwarding rp_filter proxy_arp; do
    for d in "${conf[@]}"; do read -r v <"$d/$k" && body+="net.ipv4.conf.${d##*/}.$k = $v"$'\n'; done
  done
  # Only there once br_netfilter is loaded.
  if [[ -d /proc/sys/net/bridge ]]; then
    for k in bridge-nf-call-iptables bridge-nf-call-ip6tables; do
      read -r v <"/proc/sys/net/bridge/$k" && body+="net.bridge.$k = $v"$'\n'
    done
  fi
  IFS= read -r v </proc/sys/net/ipv4/ip_local_port_range && body+="net.ipv4.ip_local_port_range = $v"$'\n'
  emit "$ns" sysctl 0 "$body"
}

# Is any TCP or UDP socket hashed (bound, listening or connected) in this
# namespace? sockstat keeps per-namespace counters; reading /proc/net/tcp
# instead walks the whole connection hash table on every read (3 M
# emulated instructions for the four tables). /proc/net is the reader's
# namespace too.
has_sockets() {
  local f p k n _
  for f in /proc/net/sockstat /proc/net/sockstat6; do
    [[ -r $f ]] || continue
    while read -r p k n _; do
      case $p in TCP: | UDP: | TCP6: | UDP6:) [[ $k == inuse && $n != 0 ]] && return 0 ;; esac
    done <"$f"
  done
  return 1
}

# A tool whose output would be empty is not run; its section is emitted
# empty. (iptables-nft-save would print one comment line when only legacy
# tables exist; the parser skips comments.)
collect_netfilter() { # ns
  local ns=$1 out rc l
  out=$(nft -j list ruleset 2>&1); rc=$?; emit "$ns" nft $rc "$out"
  # iptables-nft keeps its tables as nft tables of family ip, so without one
  # iptables-save has no rule to show. nft -j cannot replace it: it hides
  # the details of iptables matches (statistic, comment...).
  if [[ $rc -ne 0 || $out == *'{"table": {"family": "ip", '* ]]; then
    out=$(iptables-save -c 2>&1); emit "$ns" iptables.nft $? "$out"
  else
    emit "$ns" iptables.nft 0 ""
  fi
  # Legacy tables of this namespace are listed here once they exist.
  l=""
  [[ -r /proc/net/ip_tables_names ]] && IFS= read -r l </proc/net/ip_tables_names
  if [[ -n $l ]]; then
    out=$(iptables-legacy-save -c 2>&1); emit "$ns" iptables.legacy $? "$out"
  else
    emit "$ns" iptables.legacy 0 ""
  fi
  # IPVS virtual servers (kube-proxy's IPVS mode) of this namespace, once
  # the module is loaded: /proc/net/ip_vs is read with a builtin, and sent
  # only when it lists a service.
  if [[ -r /proc/net/ip_vs ]]; then
    l=(); mapfile -t -d '' l </proc/net/ip_vs
    case ${l[0]-} in *$'\n'TCP\ * | *$'\n'UDP\ * | *$'\n'SCTP\ * | *$'\n'FWM\ *) emit "$ns" ipvs 0 "${l[0]}" ;; esac
  fi
  # ss -p walks every process's fds; skip it when there is no socket at all.
  if has_sockets; then
    out=$(ss -H -ltunp 2>&1); emit "$ns" ss $? "$out"
  else
    emit "$ns" ss 0 ""
  fi
}

# Reading sysctls and netfilter state means being in the namespace: one
# bash there (nsenter, not `ip netns exec`, which also remounts /sys) runs
# these functions, which travel in its environment. Only deep namespaces
# pay for it; the others get their sysctls from ip's netconf section.
export -f emit collect_sysctl has_sockets collect_netfilter

collect_ns() { # ns deep
  local ns=$1
  local -a netns=()
  if [[ $ns == . ]]; then
    collect_sysctl .
    collect_netfilter .
  else
    netns=(-netns "$ns")
    if [[ $2 == 1 ]]; then
      nsenter "--net=/run/netns/$ns" bash -c 'collect_sysctl "$1"; collect_netfilter "$1"; exit 0' _ "$ns" 2>/dev/null \
        || { emit "$ns" error 1 "could not enter namespace $ns"; return; }
    fi
  fi
  collect_ip "$ns" "${netns[@]}" || { emit "$ns" error 1 "could not read namespace $ns"; return; }
  collect_bridge "$ns" "${netns[@]}"
}

# Probes are background jobs: output in $T.probe.<id>, result code = exit
# status (`wait <pid>` returns it). Plain probes are one fork straight into
# the tool; udp and source, which need logic, run a function in a subshell.
start_probe() { # id kind from target args...
  local id=$1 kind=$2 from=$3 target=$4
  shift 4
  local -a enter=()
  [[ $from == . ]] || enter=(nsenter "--net=/run/netns/$from")
  case $kind in
    ping)
      # One reply is enough; resend every 0.1 s until then, so a first packet
      # lost to ARP or to a link raised a moment ago does not fail the probe.
      # -w is ping's own hard deadline, so no timeout wrapper is needed.
      # Optional args: payload size ("-" = default), then "do" for DF (MTU tests).
      local -a popt=()
      [[ ${1:--} == - ]] || popt+=(-s "$1")
      [[ ${2:-} == do ]] && popt+=(-M do)
      "${enter[@]}" ping -n -q -c 1 -i 0.1 -w $((NETLAB_WAIT + 1)) "${popt[@]}" "$target" & ;;
    pingcap) probe_pingcap "$id" "$target" "$@" "${enter[@]}" & ;;
    tcp) # target port: connect, send nothing; connect-timeout bounds it
      "${enter[@]}" socat -u /dev/null "TCP:$target:$1,connect-timeout=$NETLAB_WAIT" & ;;
    dns) # server name [type]; the image ships drill (ldnsutils), dig may exist elsewhere
      # drill needs 0.4 s to start on an idle emulated CPU (OpenSSL), so the
      # deadline is generous: only a failing query waits it out.
      if command -v drill >/dev/null; then
        "${enter[@]}" timeout $((NETLAB_WAIT + 3)) drill -Q "@$target" "$1" "${2:-A}" &
      else
        "${enter[@]}" dig +short +time="$NETLAB_WAIT" +tries=1 "@$target" "$1" "${2:-A}" &
      fi ;;
    resolve) # name, as a program in the namespace resolves it (nsswitch, hosts, resolv.conf)
      # `ip netns exec` bind-mounts /etc/netns/<ns>/* over /etc, which nsenter
      # does not, and then execs getent: no extra process. RES_OPTIONS bounds
      # each query to an unreachable server by the probe wait; the generous
      # deadline only stops a long search list of them, as a first start of
      # getent on a busy emulated CPU can take seconds.
      [[ $from == . ]] && enter=() || enter=(ip netns exec "$from")
      RES_OPTIONS="timeout:$NETLAB_WAIT attempts:1" timeout $((NETLAB_WAIT + 7)) "${enter[@]}" getent ahostsv4 "$target" & ;;
    udp) probe_udp "$target" "$1" "${enter[@]}" & ;;
    source) probe_source "$id" "$target" "$1" "$2" "${enter[@]}" & ;;
    cni) probe_cni "$id" "$target" "${enter[@]}" & ;;
    http) probe_http "$id" "$target" "$@" "${enter[@]}" & ;;
    *) printf 'unknown probe kind %s' "$kind"; (exit 127) & ;;
  esac
  probe_pids+=("$!")
}

# HTTP GETs to see which backend answers (a Service spreads connections
# over its endpoints): <count> connections, one socat process each. HTTP/1.0
# with "Connection: close", so the server closes and socat returns at once;
# -t lets a slow server answer after the request's end. Output per
# connection: "@@conn <rc>", then the response as received.
probe_http() { # id target port count host|- path [nsenter...]
  local out=$T.http.$1 target=$2 port=$3 count=$4 host=$5 path=$6 i rc ok=1 req body=()
  shift 6
  [[ $host == - ]] && host=$target
  req="GET $path HTTP/1.0"$'\r\n'"Host: $host"$'\r\n'"User-Agent: netlab-probe"$'\r\n'"Connection: close"$'\r\n'
  for ((i = 0; i < count; i++)); do
    # <<< adds the final newline that ends the header block.
    "$@" socat -t $((NETLAB_WAIT + 2)) -T $((NETLAB_WAIT + 2)) - "TCP:$target:$port,connect-timeout=$NETLAB_WAIT" \
      <<<"$req"$'\r' >"$out" 2>&1
    rc=$?
    body=(); mapfile -t -d '' body <"$out"
    printf '@@conn %s\n%s\n' "$rc" "${body[0]-}"
    [[ $rc -eq 0 ]] && ok=0
  done
  return "$ok"
}

probe_udp() { # target port [nsenter...]: send one datagram, any reply counts
  local target=$1 port=$2 out rc
  shift 2
  out=$("$@" socat -T "$NETLAB_WAIT" - "UDP:$target:$port" <<<"netlab" 2>&1); rc=$?
  printf '%s' "$out"
  [[ $rc -eq 0 && -z $out ]] && return 1
  return "$rc"
}

# A ping while tcpdump listens on a device (an underlay), to see how the
# packets crossed it. tcpdump needs 0.3-1 s to start on the emulated CPU and
# packets sent before it listens are not seen, so the ping waits for its
# "listening on" line. --immediate-mode: otherwise packets wait in the
# kernel's ring for up to a second and are lost when tcpdump is stopped;
# -Z root: tcpdump drops to its own user before opening the file, and that
# user cannot write in /run. The pcap follows the ping's output, base64.
probe_pingcap() { # id target cap-ns dev size|- do|- [nsenter...]
  local pcap=$T.pcap.$1 err=$T.pcaperr.$1 target=$2 dev=$4 tpid rc end l
  local -a center=() popt=()
  [[ $3 == . ]] || center=(nsenter "--net=/run/netns/$3")
  [[ $5 == - ]] || popt+=(-s "$5")
  [[ $6 == do ]] && popt+=(-M do)
  shift 6
  "${center[@]}" tcpdump -i "$dev" -n -U --immediate-mode -Z root -s 256 -c 64 -w "$pcap" 'udp or icmp' 2>"$err" &
  tpid=$!
  enable -f /usr/lib/bash/sleep sleep 2>/dev/null
  end=$((${EPOCHREALTIME/./} + 8000000))
  while ((${EPOCHREALTIME/./} < end)); do
    l=""; IFS= read -r l <"$err"
    [[ $l == *listening* ]] && break
    kill -0 "$tpid" 2>/dev/null || break
    sleep 0.05
  done
  "$@" ping -n -q -c 1 -i 0.1 -w $((NETLAB_WAIT + 1)) "${popt[@]}" "$target"; rc=$?
  # Let tcpdump write the reply it may still hold before it is stopped.
  sleep 0.2
  kill -INT "$tpid" 2>/dev/null; wait "$tpid"
  if [[ -s $pcap ]]; then
    printf '\n@@pcap '; base64 -w0 "$pcap"
  else
    l=""; IFS= read -r l <"$err"; printf '\n@@pcap-error %s' "$l"
  fi
  return "$rc"
}

probe_source() { # id target port listen-ns [nsenter...]: which source address does the listener see?
  local seen=$T.seen.$1 target=$2 port=$3 lpid out
  local -a lenter=()
  [[ $4 == . ]] || lenter=(nsenter "--net=/run/netns/$4")
  shift 4
  : >"$seen"
  # socat serves one datagram: it runs the SYSTEM command through /bin/sh
  # with the sender's address in SOCAT_PEERADDR; $seen has no blanks.
  "${lenter[@]}" socat -u "UDP4-RECVFROM:$port,reuseaddr" \
    "SYSTEM:printf %s \"\$SOCAT_PEERADDR\" > $seen" >/dev/null 2>&1 &
  lpid=$!
  # Datagrams sent before the listener binds are lost, so keep sending
  # until it reports or the deadline passes. /dev/udp and the loadable
  # sleep builtin need no process per round.
  "$@" bash -c 'enable -f /usr/lib/bash/sleep sleep 2>/dev/null
    end=$(( ${EPOCHREALTIME/./} + $4 * 3000000 ))
    while (( ${EPOCHREALTIME/./} < end )); do
      echo netlab 2>/dev/null >"/dev/udp/$1/$2"; [[ -s $3 ]] && exit 0; sleep 0.05
    done; exit 1' _ "$target" "$port" "$seen" "$NETLAB_WAIT" >/dev/null 2>&1
  kill "$lpid" 2>/dev/null; wait "$lpid" 2>/dev/null
  out=""; IFS= read -r out <"$seen"
  printf '%s' "$out"
  [[ -n $out ]]
}

# CNI: what a runtime does when a Pod starts and stops, with the first
# network configuration in <dir> (libcni's choice: names sorted, .conf,
# .conflist or .json), run in <from> (the node) for a throwaway sandbox, so
# a grader sees whether the config works and whether its IPAM hands out and
# releases addresses. A .conflist runs its plugins in order, each given the
# previous result, and DEL in reverse, as libcni does. The output is marked
# parts: @@config <path>, @@ipam <dir>, @@before, @@add <rc>, @@after-add,
# @@del <rc>, @@after-del; the allocation lists are "<ip>\t<id>\t<ifname>".
cni_allocs() { # dir: host-local's allocation files, one line each
  local f id ifn
  for f in "$1"/*; do
    [[ -f $f ]] || continue
    case ${f##*/} in lock | last_reserved_ip.*) continue ;; esac
    id="" ifn=""
    { IFS= read -r id; IFS= read -r ifn; } <"$f"
    printf '%s\t%s\t%s\n' "${f##*/}" "${id%$'\r'}" "$ifn"
  done
}
cni_run() { # command sandbox prev-result [nsenter...]: runs CNI_PLUGINS (DEL in reverse), prints the last output
  local cmd=$1 sb=$2 prev=$3 n=${#CNI_PLUGINS[@]} i t conf out="" rc=0
  shift 3
  for ((i = 0; i < n; i++)); do
    [[ $cmd == DEL ]] && t=$((n - 1 - i)) || t=$i
    conf=${CNI_PLUGINS[t]#*$'\t'}
    # The config is one line of JSON ending in "}": the previous result goes in before it.
    [[ -n $prev ]] && conf="${conf%\}},\"prevResult\":$prev}"
    out=$(CNI_COMMAND=$cmd CNI_CONTAINERID=$sb CNI_NETNS=/run/netns/$sb CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni \
      timeout 20 "$@" "/usr/lib/cni/${CNI_PLUGINS[t]%%$'\t'*}" <<<"$conf" 2>&1)
    rc=$?
    [[ $rc -eq 0 ]] || break
    [[ $cmd == ADD ]] && prev=$out
  done
  printf '%s\n' "$out"
  return "$rc"
}
probe_cni() { # id dir [nsenter...]; the sandbox (namespace and container ID) is netlab-cni-<id>
  local sb=netlab-cni-$1 tmp=$T.cni.$1 dir=$2 f conf="" data rc result="" body=()
  shift 2
  for f in "$dir"/*; do
    case $f in *.conf | *.conflist | *.json) [[ -f $f ]] && { conf=$f; break; } ;; esac
  done
  [[ -n $conf ]] || { printf 'no network configuration (*.conf, *.conflist, *.json) in %s' "$dir"; return 2; }
  mapfile -t -d '' body <"$conf"
  printf '@@config %s\n%s\n' "$conf" "${body[0]-}"
  # One jq for everything (it takes seconds to start on a busy emulated CPU):
  # host-local's directory, then "<type>\t<config>" per plugin, with the
  # list's name and cniVersion, as libcni hands each plugin its config.
  jq -r '(if has("plugins") then . as $l | [.plugins[] | . + {name: $l.name, cniVersion: $l.cniVersion}]
      else [.] end) as $p
    | ([$p[] | select(.ipam.type? == "host-local")][0] | if . then (.ipam.dataDir // "/var/lib/cni/networks") + "/" + .name
      else "" end), ($p[] | "\(.type)\t\(tojson)")' "$conf" >"$tmp" 2>&1 \
    || { mapfile -t -d '' body <"$tmp"; printf '%s' "${body[0]-}"; return 3; }
  CNI_PLUGINS=(); mapfile -t CNI_PLUGINS <"$tmp"
  data=${CNI_PLUGINS[0]}; CNI_PLUGINS=("${CNI_PLUGINS[@]:1}")
  printf '@@ipam %s\n@@before\n' "$data"
  [[ -z $data ]] || cni_allocs "$data"
  ip netns add "$sb"
  cni_run ADD "$sb" "" "$@" >"$tmp"; rc=$?
  mapfile -t -d '' body <"$tmp"
  printf '@@add %s\n%s@@after-add\n' "$rc" "${body[0]-}"
  # DEL gets the ADD's result as prevResult, as the spec asks of a runtime that has one.
  [[ $rc -eq 0 ]] && result=${body[0]%$'\n'}
  [[ -z $data ]] || cni_allocs "$data"
  cni_run DEL "$sb" "$result" "$@" >"$tmp"; rc=$?
  mapfile -t -d '' body <"$tmp"
  printf '@@del %s\n%s@@after-del\n' "$rc" "${body[0]-}"
  [[ -z $data ]] || cni_allocs "$data"
  ip netns delete "$sb"
  return 0
}

# Probes first, so their waiting overlaps the reading; CNI probes last, as
# they add a veth to a node's bridge for a moment.
declare -a probe_ids=() probe_pids=() deferred=()
while read -r -a p; do
  [[ ${#p[@]} -ge 4 ]] || continue
  [[ ${p[1]} == cni ]] && { deferred+=("${p[*]}"); continue; }
  probe_ids+=("${p[0]}")
  start_probe "${p[@]}" </dev/null >"$T.probe.${p[0]}" 2>&1
done <<<"${NETLAB_PROBES:-}"

namespaces=()
list=""
for f in /run/netns/*; do
  [[ -e $f ]] || continue
  namespaces+=("${f##*/}"); list+="${f##*/}"$'\n'
done
emit . netns 0 "${list%$'\n'}"

is_deep() { [[ $1 == . || " ${NETLAB_DEEP:-} " == *" $1 "* || ${NETLAB_DEEP:-} == "*" ]]; }

collect_ns . 1
for ns in "${namespaces[@]}"; do
  d=0; is_deep "$ns" && d=1
  collect_ns "$ns" "$d"
done

# Open vSwitch, only while ovsdb-server runs (its socket is there): a VM
# without OVS pays one test. One ovs-vsctl prints one JSON table per
# command, a line each; rows point at each other by _uuid.
if [[ -S /var/run/openvswitch/db.sock ]]; then
  out=$(ovs-vsctl --timeout=5 --format=json \
    -- --columns=_uuid,name,tag,trunks,vlan_mode,interfaces list Port \
    -- --columns=name,ports list Bridge \
    -- --columns=_uuid,name,type,options,ofport,admin_state,link_state,error list Interface 2>&1)
  emit . ovs $? "$out"
fi

while IFS= read -r path; do
  [[ -n $path ]] || continue
  if [[ -f $path && -r $path ]]; then
    # mapfile reads a file in blocks, read -d '' one byte per system call.
    body=(); mapfile -t -d '' body <"$path"; emit . "file:$path" 0 "${body[0]-}"
  else
    emit . "file:$path" 1 ""
  fi
done <<<"${NETLAB_FILES:-}"

# Processes by name, for graders that need to know which daemon runs where
# (a DHCP server in the right namespace) and what it was told. Opt-in: a
# walk over /proc costs a read per process. Lines are
# "<pid>\t<ns>\t<comm>\t<arg>\x1f<arg>..."; <ns> is "." for PID 1's
# namespace, "?" for one without a name in /run/netns.
dnsmasq_leasefile() { # args...: sets LEASEFILE to the lease file this dnsmasq writes (no subshell)
  local a next="" lf="" conf="" line
  for a; do
    case $next in lf) lf=$a; next=""; continue ;; conf) conf=$a; next=""; continue ;; esac
    case $a in
      --dhcp-leasefile=* | --dhcp-lease=*) lf=${a#*=} ;;
      --dhcp-leasefile | --dhcp-lease | -l) next=lf ;;
      -l?*) lf=${a#-l} ;;
      --conf-file=*) conf=${a#*=} ;;
      --conf-file | -C) next=conf ;;
      -C?*) conf=${a#-C} ;;
    esac
  done
  # Without -C dnsmasq reads /etc/dnsmasq.conf when it exists; the last
  # dhcp-leasefile line wins there, but the command line beats the file.
  if [[ -z $lf && -r ${conf:=/etc/dnsmasq.conf} ]]; then
    while IFS= read -r line; do
      line=${line%%#*}
      [[ $line =~ ^[[:space:]]*dhcp-lease(file)?=[[:space:]]*([^[:space:]]+) ]] && lf=${BASH_REMATCH[2]}
    done <"$conf"
  fi
  LEASEFILE=${lf:-/var/lib/misc/dnsmasq.leases}
}
if [[ -n ${NETLAB_PROCS:-} ]]; then
  body="" leasefiles=" "
  for pd in /proc/[0-9]*; do
    comm=""; IFS= read -r comm <"$pd/comm" 2>/dev/null || continue
    [[ " $NETLAB_PROCS " == *" $comm "* ]] || continue
    args=(); mapfile -t -d '' args <"$pd/cmdline" 2>/dev/null
    pns="?"
    if [[ $pd/ns/net -ef /proc/1/ns/net ]]; then pns=.; else
      for f in "${namespaces[@]}"; do [[ $pd/ns/net -ef /run/netns/$f ]] && { pns=$f; break; }; done
    fi
    line="${pd#/proc/}"$'\t'"$pns"$'\t'"$comm"$'\t'
    IFS=$'\x1f'; line+="${args[*]}"; unset IFS
    if [[ $comm == dnsmasq ]]; then
      dnsmasq_leasefile "${args[@]}"
      line+=$'\t'"$LEASEFILE"
      [[ $leasefiles == *" $LEASEFILE "* ]] || leasefiles+="$LEASEFILE "
    fi
    body+="$line"$'\n'
  done
  emit . procs 0 "${body%$'\n'}"
  for lf in $leasefiles; do
    if [[ -f $lf && -r $lf ]]; then
      body=(); mapfile -t -d '' body <"$lf"; emit . "leases:$lf" 0 "${body[0]-}"
    else
      emit . "leases:$lf" 1 ""
    fi
  done
fi

# Captures and other binary files: mapfile stops at the first NUL, so these
# travel as base64 (two processes each, only for exercises that ask).
while IFS= read -r path; do
  [[ -n $path ]] || continue
  if [[ -f $path && -r $path ]]; then
    head -c 1048577 -- "$path" | base64 -w0 >"$T.bin"
    body=(); mapfile -t -d '' body <"$T.bin"; emit . "bin:$path" 0 "${body[0]-}"
  else
    emit . "bin:$path" 1 ""
  fi
done <<<"${NETLAB_BINFILES:-}"

for line in "${deferred[@]}"; do
  read -r -a p <<<"$line"
  probe_ids+=("${p[0]}")
  start_probe "${p[@]}" </dev/null >"$T.probe.${p[0]}" 2>&1
done

for i in "${!probe_ids[@]}"; do
  wait "${probe_pids[i]}"; rc=$?
  out=(); mapfile -t -d '' out <"$T.probe.${probe_ids[i]}"
  out=${out[0]-}
  # Same text as $(...) would give: without trailing newlines.
  while [[ $out == *$'\n' ]]; do out=${out%$'\n'}; done
  emit . "probe.${probe_ids[i]}" "$rc" "$out"
done
# Connection tracking entries, opt-in (the table can be large), read once
# the probes are done so their connections are in it: at most the first 400
# lines of /proc/net/nf_conntrack of the root and each deep namespace.
collect_conntrack() { # ns
  local l=() IFS=$'\n'
  [[ -r /proc/net/nf_conntrack ]] || return 0
  mapfile -t -n 400 l </proc/net/nf_conntrack
  emit "$1" conntrack 0 "${l[*]}"
}
if [[ -n ${NETLAB_CONNTRACK:-} ]]; then
  export -f collect_conntrack
  collect_conntrack .
  for ns in "${namespaces[@]}"; do
    is_deep "$ns" || continue
    nsenter "--net=/run/netns/$ns" bash -c 'collect_conntrack "$1"' _ "$ns" 2>/dev/null
  done
fi
# The agent's shell has a loadable rm builtin; elsewhere rm is one process.
enable rm 2>/dev/null || enable -f /usr/lib/bash/rm rm 2>/dev/null
rm -f "$T".*
emit . end 0 ""
