/**
 * The bash scripts behind src/vm/files.ts, run by the VM's agent. Every
 * value spliced in is single-quoted (paths) or base64 (contents), so nothing
 * in them is ever read as shell syntax. The agent enables bash's loadable
 * `stat` builtin, which shadows coreutils' stat; hence /usr/bin/stat.
 */

/** A bash word that stands for exactly `s`. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

// Shared head: the error reply ("ERR <code> <detail>", then the path) and
// "rw"/"ro" for a path (as root, test -w is false only on a read-only mount).
const COMMON = `fail() { [ -n "$t" ] && rm -f -- "$t"; printf 'ERR %s %s\\n%s\\n' "$1" "$2" "$p"; exit 0; }
dirof() { local d=\${1%/*}; REPLY=\${d:-/}; }
access() { [ -w "$1" ] && REPLY=rw || REPLY=ro; }
# Kernel interfaces: readable, but a temp file and a rename are impossible there.
kindof() { case $1 in /proc|/proc/*|/sys|/sys/*) REPLY=kernel ;; *) REPLY=file ;; esac; }
t= mode= owner=
`;

/**
 * Reply: "OK <fs> <rw|ro> <version>\n<real path>\n<bytes>", or
 * "NEW <fs> <rw|ro>\n<real path>\n" for a file that does not exist yet in an
 * existing directory, or an ERR line. At most `limit`+1 bytes are sent, so a
 * kernel file that claims size 0 but is huge still shows up as too big.
 */
export function readScript(path: string, limit: number): string {
  return `p=${shellQuote(path)}
${COMMON}[ -d "$p" ] && fail isdir
dirof "$p"; [ -d "$REPLY" ] || fail nodir "$REPLY"
r=$p
[ -L "$p" ] && { r=$(readlink -f -- "$p") || r=$p; }
kindof "$r"; k=$REPLY
if [ ! -e "$r" ]; then
  dirof "$r"; d=$REPLY
  [ -d "$d" ] || fail nodir "$d"
  access "$d"
  printf 'NEW %s %s\\n%s\\n' "$k" "$REPLY" "$r"
  exit 0
fi
[ -f "$r" ] || fail special
[ -r "$r" ] || fail denied
set -- $(/usr/bin/stat -c '%s %i:%s:%.9Y' -- "$r")
[ "$1" -gt ${limit} ] && fail big "$1"
v=$2
dirof "$r"; access "$REPLY"; a=$REPLY
[ "$a" = rw ] && { access "$r"; a=$REPLY; }
printf 'OK %s %s %s\\n%s\\n' "$k" "$a" "$v" "$r"
exec head -c ${limit + 1} -- "$r"
`;
}

/**
 * Writes base64 `content` to `path` through a temp file and a rename.
 * `expect` is the version the editor opened ('' for a new file, '-' for
 * "overwrite whatever is there"). Reply: "OK <new version>" or an ERR line.
 */
export function writeScript(path: string, content: string, expect: string): string {
  if (!/^[A-Za-z0-9+/=]*$/.test(content)) throw new Error('writeScript: content must be base64');
  return `p=${shellQuote(path)}
want=${shellQuote(expect)}
${COMMON}# Through a symlink (e.g. /etc/resolv.conf), so the link stays a link.
[ -L "$p" ] && { p=$(readlink -f -- "$p") || fail nodir "$p"; }
dirof "$p"; d=$REPLY
[ -d "$d" ] || fail nodir "$d"
if [ -e "$p" ]; then
  [ -f "$p" ] || fail special
  set -- $(/usr/bin/stat -c '%i:%s:%.9Y %a %u:%g' -- "$p")
  [ "$want" = - ] || [ "$want" = "$1" ] || fail changed "$1"
  mode=$2 owner=$3
elif [ -n "$want" ] && [ "$want" != - ]; then
  fail deleted
fi
kindof "$d"; [ "$REPLY" = kernel ] && fail virtual "$d"
b=\${p##*/}
t=$(mktemp -- "$d/.$b.netlab-XXXXXX" 2>&1) || { e=$t; t=; fail create "$e"; }
# A failed write (a full disk) leaves only the temp file, removed by fail.
e=$(printf %s '${content}' | base64 -d 2>&1 >"$t") || fail write "$e"
# mktemp makes 0600; a new file gets what the shell's umask 022 would give it.
# Every process costs tens of ms in the emulated CPU: chown only if needed.
e=$(chmod "\${mode:-644}" -- "$t" 2>&1) || fail write "$e"
if [ -n "$owner" ] && [ "$owner" != 0:0 ]; then e=$(chown "$owner" -- "$t" 2>&1) || fail write "$e"; fi
# fsync, so a crash right after the rename cannot leave an empty file.
sync -- "$t" 2>/dev/null
e=$(mv -f -- "$t" "$p" 2>&1) || fail rename "$e"
t=
printf 'OK %s\\n' "$(/usr/bin/stat -c '%i:%s:%.9Y' -- "$p")"
`;
}
