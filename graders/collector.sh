# netlab state collector. Runs as root inside the lab VM through the control
# channel (bash -c). The TypeScript side prepends parameter assignments:
#   NETLAB_PROBES  one probe per line: "<id> <kind> <from-ns|.> <target> [arg...]"
#   NETLAB_FILES   one absolute path per line
#   NETLAB_DEEP    namespaces (or "*") that also get iptables/nft/ss sections
#   NETLAB_WAIT    probe timeout in seconds (ping -W), default 1
# Output is a sequence of frames "@@section <ns> <name> <rc> <bytes>\n<body>\n",
# where <ns> is "." for the root namespace. Lengths are byte counts, so a body
# can contain anything (even "@@section") without confusing the reader.
# Built-ins are preferred over external commands: every exec is expensive in
# an emulated CPU, which is also why probes run in the background while the
# state is being read.

export LC_ALL=C PATH=/usr/sbin:/usr/bin:/sbin:/bin
NETLAB_WAIT=${NETLAB_WAIT:-1}
T=$(mktemp -d /tmp/netlab-collect.XXXXXX) || exit 3
trap 'rm -rf "$T"' EXIT

emit() { # ns name rc body
  printf '@@section %s %s %s %d\n%s\n' "$1" "$2" "$3" "${#4}" "$4"
}
export -f emit

# One `ip -batch` per namespace; if it fails or the line count is off (a
# failing command prints nothing), fall back to one process per command.
collect_ip() { # ns
  local ns=$1 out rc i
  local -a names=(link addr route rule neigh nsid)
  local -a cmds=("link show" "addr show" "route show table all" "rule show" "neigh show" "netns list-id")
  out=$(printf '%s\n' "${cmds[@]}" | /usr/sbin/ip -j -d -batch - 2>/dev/null); rc=$?
  local -a lines=()
  [[ $rc -eq 0 ]] && mapfile -t lines <<<"$out"
  if [[ $rc -eq 0 && ${#lines[@]} -eq ${#cmds[@]} ]]; then
    for i in "${!cmds[@]}"; do emit "$ns" "ip.${names[$i]}" 0 "${lines[$i]}"; done
  else
    for i in "${!cmds[@]}"; do
      # shellcheck disable=SC2086 # the command words are meant to split
      out=$(/usr/sbin/ip -j -d ${cmds[$i]} 2>&1); emit "$ns" "ip.${names[$i]}" $? "$out"
    done
  fi
}
export -f collect_ip

collect_bridge() { # ns
  local ns=$1 out rc n i
  local -a names=(link vlan fdb)
  out=$(printf 'link show\nvlan show\nfdb show\n' | /usr/sbin/bridge -j -batch - 2>/dev/null); rc=$?
  local -a lines=()
  [[ $rc -eq 0 ]] && mapfile -t lines <<<"$out"
  n=${#lines[@]}
  if [[ $rc -eq 0 && $n -eq 3 ]]; then
    for i in 0 1 2; do emit "$ns" "bridge.${names[$i]}" 0 "${lines[$i]}"; done
  else
    for i in 0 1 2; do
      out=$(/usr/sbin/bridge -j "${names[$i]}" show 2>&1); emit "$ns" "bridge.${names[$i]}" $? "$out"
    done
  fi
}
export -f collect_bridge

# /proc/sys/net belongs to the namespace of the reader, so this runs inside
# each namespace; `read` is a builtin, so no process per value.
collect_sysctl() { # ns
  local ns=$1 f v body="" k
  for f in /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv6/conf/all/forwarding \
    /proc/sys/net/ipv4/conf/*/forwarding /proc/sys/net/ipv4/conf/*/rp_filter \
    /proc/sys/net/ipv4/conf/*/proxy_arp /proc/sys/net/bridge/bridge-nf-call-iptables \
    /proc/sys/net/bridge/bridge-nf-call-ip6tables /proc/sys/net/ipv4/ip_local_port_range; do
    [[ -r $f ]] || continue
    IFS= read -r v <"$f" || continue
    k=${f#/proc/sys/}; k=${k//\//.}
    body+="$k = $v"$'\n'
  done
  emit "$ns" sysctl 0 "$body"
}
export -f collect_sysctl

collect_netfilter() { # ns
  local ns=$1 out
  out=$(iptables-save -c 2>&1); emit "$ns" iptables.nft $? "$out"
  out=$(iptables-legacy-save -c 2>&1); emit "$ns" iptables.legacy $? "$out"
  out=$(nft -j list ruleset 2>&1); emit "$ns" nft $? "$out"
  out=$(ss -H -ltunp 2>&1); emit "$ns" ss $? "$out"
}
export -f collect_netfilter

collect_ns() { # ns deep
  collect_ip "$1"
  collect_sysctl "$1"
  collect_bridge "$1"
  [[ $2 == 1 ]] && collect_netfilter "$1"
  return 0
}
export -f collect_ns

# nsenter rather than `ip netns exec`: the latter also remounts /sys, which
# costs a lot in the emulator and nothing here reads /sys.
in_ns() { # ns cmd... ; "." is the root namespace
  if [[ $1 == . ]]; then shift; "$@"; else local n=$1; shift; nsenter "--net=/run/netns/$n" "$@"; fi
}

run_probe() { # id kind from target args...
  local id=$1 kind=$2 from=$3 target=$4 out rc
  shift 4
  case $kind in
    ping)
      # timeout -s KILL bounds the probe even if ping itself misbehaves.
      local -a enter=()
      [[ $from == . ]] || enter=(nsenter "--net=/run/netns/$from")
      # One reply is enough; resend every 0.2 s until then, so a first packet
      # lost to ARP resolution on a slow emulated CPU does not fail the probe.
      out=$(timeout -s KILL $((NETLAB_WAIT + 3)) "${enter[@]}" ping -n -q -c 1 -i 0.2 -w $((NETLAB_WAIT + 1)) "$target" 2>&1); rc=$? ;;
    tcp) # target port
      out=$(in_ns "$from" timeout "$NETLAB_WAIT" bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$target" "$1" 2>&1); rc=$? ;;
    udp) # target port: send one datagram, any reply counts
      out=$(in_ns "$from" socat -T "$NETLAB_WAIT" - "UDP:$target:$1" <<<"netlab" 2>&1); rc=$?
      [[ $rc -eq 0 && -z $out ]] && rc=1 ;;
    dns) # server name [type]; the image ships drill (ldnsutils), dig may exist elsewhere
      if command -v drill >/dev/null; then
        out=$(in_ns "$from" timeout $((NETLAB_WAIT + 1)) drill -Q "@$target" "$1" "${2:-A}" 2>&1); rc=$?
      else
        out=$(in_ns "$from" dig +short +time="$NETLAB_WAIT" +tries=1 "@$target" "$1" "${2:-A}" 2>&1); rc=$?
      fi ;;
    source) # target port listen-ns: which source address does the listener see?
      local seen=$T/seen.$id lpid
      : >"$seen"
      # socat runs the SYSTEM command through /bin/sh with the sender's
      # address in SOCAT_PEERADDR; $seen is a mktemp path, safe to inline.
      in_ns "$2" timeout $((NETLAB_WAIT * 3 + 2)) socat -u "UDP4-RECVFROM:$1,reuseaddr" \
        "SYSTEM:printf %s \"\$SOCAT_PEERADDR\" > $seen" 2>/dev/null &
      lpid=$!
      # Datagrams sent before the listener binds are lost, so keep sending
      # until it reports or the deadline passes. /dev/udp needs no extra exec.
      out=$(in_ns "$from" bash -c 'for ((i = 0; i < $4 * 30; i++)); do
          echo netlab 2>/dev/null >"/dev/udp/$1/$2"; [[ -s $3 ]] && exit 0; sleep 0.1; done; exit 1' \
        _ "$target" "$1" "$seen" "$NETLAB_WAIT" 2>&1); rc=$?
      kill "$lpid" 2>/dev/null; wait "$lpid" 2>/dev/null
      IFS= read -r out <"$seen"; [[ -n $out ]] && rc=0 || rc=1 ;;
    *) out="unknown probe kind $kind"; rc=127 ;;
  esac
  emit . "probe.$id" "$rc" "$out" >"$T/probe.$id"
}

# Probes first, in the background, so their waiting overlaps the reading.
declare -a probe_ids=()
while read -r -a p; do
  [[ ${#p[@]} -ge 4 ]] || continue
  probe_ids+=("${p[0]}")
  run_probe "${p[@]}" &
done <<<"${NETLAB_PROBES:-}"

namespaces=()
for f in /run/netns/*; do [[ -e $f ]] && namespaces+=("${f##*/}"); done
emit . netns 0 "$(printf '%s\n' "${namespaces[@]}")"

is_deep() { [[ $1 == . || " ${NETLAB_DEEP:-} " == *" $1 "* || ${NETLAB_DEEP:-} == "*" ]]; }

collect_ns . 1
for ns in "${namespaces[@]}"; do
  d=0; is_deep "$ns" && d=1
  nsenter "--net=/run/netns/$ns" bash -c 'collect_ns "$1" "$2"' _ "$ns" "$d" 2>/dev/null \
    || emit "$ns" error 1 "could not enter namespace $ns"
done

while IFS= read -r path; do
  [[ -n $path ]] || continue
  if [[ -f $path && -r $path ]]; then
    IFS= read -r -d '' body <"$path"; emit . "file:$path" 0 "$body"
  else
    emit . "file:$path" 1 ""
  fi
done <<<"${NETLAB_FILES:-}"

wait
for id in "${probe_ids[@]}"; do
  if [[ -s $T/probe.$id ]]; then IFS= read -r -d '' body <"$T/probe.$id"; printf '%s' "$body"; fi
done
emit . end 0 ""
