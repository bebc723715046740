/**
 * The VM path an "Edit in lab" code block edits: its meta says `editInLab`
 * and its title is the path (```ini title="/etc/dnsmasq.conf" editInLab), or
 * it names the path itself (editInLab=/etc/x.conf, editInLab="/etc/a b").
 * Null for any other block, or when no absolute path is given.
 */
export function editPath(metastring: string | undefined, title: unknown): string | null {
  const m = /(?:^|\s)editInLab(?:=(?:"([^"]+)"|(\S+)))?(?=\s|$)/.exec(metastring ?? '');
  if (!m) return null;
  // Docusaurus hands the wrapper the raw meta; it parses the title itself later.
  const fromMeta = /(?:^|\s)title=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(metastring ?? '');
  const named = typeof title === 'string' ? title : (fromMeta?.[1] ?? fromMeta?.[2] ?? fromMeta?.[3] ?? '');
  const path = m[1] ?? m[2] ?? named;
  return path.startsWith('/') ? path : null;
}
