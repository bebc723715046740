/**
 * Live probes an exercise declares. They run inside the VM during collection;
 * the result travels in the same framed output as the state.
 */
import {z} from 'zod';
import type {HttpResponse, ProbeResult} from './model';
import {parseCniProbe} from './parse/cni';

/** Tokens reach the collector as blank-separated words, so they must not contain blanks. */
const word = z.string().regex(/^[A-Za-z0-9_.:@/-]+$/, 'letters, digits and _.:@/- only');
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');
const port = z.number().int().min(1).max(65535);
/** Namespace to run in; omitted means the root namespace. */
const from = word.optional();

export const ProbeDeclSchema = z.discriminatedUnion('kind', [
  z.object({
    id,
    kind: z.literal('ping'),
    from,
    to: word,
    /** ICMP payload bytes (ping -s); the IPv4 packet is 28 bytes more (IP and ICMP headers). */
    size: z.number().int().min(0).max(65507).optional(),
    /** Set DF and never fragment (ping -M do), to test a path's MTU. */
    dontFragment: z.boolean().optional(),
    /**
     * Capture on `dev` (in namespace `in`, the root when omitted) while the ping runs, e.g. to prove
     * it crossed an underlay inside a tunnel. tcpdump starts first, so this costs about 1 s more.
     */
    capture: z.object({in: word.optional(), dev: word}).optional(),
  }),
  z.object({id, kind: z.literal('tcp'), from, to: word, port}),
  z.object({id, kind: z.literal('udp'), from, to: word, port}),
  z.object({id, kind: z.literal('dns'), from, server: word, name: word, type: word.optional()}),
  /**
   * Resolves `name` the way a program in `from` does: getaddrinfo (IPv4) through nsswitch, with the
   * namespace's own /etc/netns/<from>/resolv.conf and hosts, so search, ndots and /etc/hosts apply.
   */
  z.object({id, kind: z.literal('resolve'), from, name: word}),
  /** Sends UDP datagrams from `from` to `to`:port and reports the source address a listener in `listenIn` saw. */
  z.object({id, kind: z.literal('source'), from, to: word, port, listenIn: word.optional()}),
  /**
   * Does what a runtime does for a Pod, in namespace `from` (the node): CNI ADD, then DEL, for a
   * throwaway sandbox (namespace and container ID netlab-cni-<id>) with the first network configuration in `dir`, reading host-local's
   * allocations before, between and after. Runs after the state is read (it adds a veth for a moment).
   */
  z.object({id, kind: z.literal('cni'), from, dir: word.default('/etc/cni/net.d')}),
  /**
   * `count` HTTP/1.0 GETs of `path` with Host `host` (default: `to`), one connection each, so a
   * grader sees which backends answer a Service and what they say.
   */
  z.object({
    id,
    kind: z.literal('http'),
    from,
    to: word,
    port: port.default(80),
    host: word.optional(),
    path: word.startsWith('/').default('/'),
    count: z.number().int().min(1).max(30).default(1),
  }),
]);
export type ProbeDecl = z.infer<typeof ProbeDeclSchema>;

/** One line of NETLAB_PROBES: "<id> <kind> <from|.> <target> [args...]". */
export function probeLine(p: ProbeDecl): string {
  const ns = p.from ?? '.';
  switch (p.kind) {
    case 'ping': {
      if (p.capture) {
        // Fixed positions: capture namespace, device, size ("-" = default), "do" or "-".
        const cap = `${p.capture.in ?? '.'} ${p.capture.dev} ${p.size ?? '-'} ${p.dontFragment ? 'do' : '-'}`;
        return `${p.id} pingcap ${ns} ${p.to} ${cap}`;
      }
      // Options are positional after the target: size ("-" = ping's default), then "do".
      const opts = p.dontFragment ? ` ${p.size ?? '-'} do` : p.size !== undefined ? ` ${p.size}` : '';
      return `${p.id} ping ${ns} ${p.to}${opts}`;
    }
    case 'tcp':
    case 'udp':
      return `${p.id} ${p.kind} ${ns} ${p.to} ${p.port}`;
    case 'dns':
      return `${p.id} dns ${ns} ${p.server} ${p.name} ${p.type ?? 'A'}`;
    case 'resolve':
      return `${p.id} resolve ${ns} ${p.name}`;
    case 'source':
      return `${p.id} source ${ns} ${p.to} ${p.port} ${p.listenIn ?? '.'}`;
    case 'cni':
      return `${p.id} cni ${ns} ${p.dir}`;
    case 'http':
      return `${p.id} http ${ns} ${p.to} ${p.port} ${p.count} ${p.host ?? '-'} ${p.path}`;
  }
}

/** One response per "@@conn <rc>" part: the status code, and the body after the header block. */
export function parseHttpProbe(output: string): HttpResponse[] {
  const parts = output.split(/^@@conn (\d+)$/m);
  const out: HttpResponse[] = [];
  // split with a capture group gives [before, rc, text, rc, text, ...].
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const text = (parts[i + 1] ?? '').replace(/^\n/, '').replace(/\n$/, '');
    const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(text);
    const sep = /\r?\n\r?\n/.exec(text);
    out.push({
      exitCode: Number(parts[i]),
      status: status ? Number(status[1]) : null,
      body: status && sep ? text.slice(sep.index + sep[0].length) : '',
      ...(status ? {} : {error: text.trim()}),
    });
  }
  return out;
}

/** The collector appends the capture to a capturing ping's output on a line of its own. */
const PCAP_MARK = '\n@@pcap ';
const PCAP_ERROR_MARK = '\n@@pcap-error ';

const IPV4 = /\b(\d{1,3}(?:\.\d{1,3}){3})\b/;

/** Turns the collector's probe section into a result. */
export function probeResult(p: ProbeDecl, rc: number, output: string): ProbeResult {
  const base = {id: p.id, exitCode: rc, output};
  switch (p.kind) {
    case 'source': {
      const seen = IPV4.exec(output)?.[1];
      return {...base, ok: rc === 0 && seen !== undefined, seenSource: seen};
    }
    case 'dns': {
      // drill -Q prints bare rdata; dig +short does too. Keep the lines that look like answers.
      const answers = output
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith(';') && !/error|timed out|failed/i.test(l));
      return {...base, ok: rc === 0 && answers.length > 0, answers};
    }
    case 'resolve': {
      // `getent ahostsv4` prints "<address> STREAM <canonical name>", then DGRAM and RAW lines for the same address.
      const answers: string[] = [];
      let canonicalName: string | undefined;
      for (const line of output.split('\n')) {
        const m = /^(\d{1,3}(?:\.\d{1,3}){3})\s+(?:STREAM|DGRAM|RAW)\b\s*(\S*)/.exec(line.trim());
        if (!m) continue;
        if (!answers.includes(m[1])) answers.push(m[1]);
        canonicalName ??= m[2] || undefined;
      }
      return {...base, ok: rc === 0 && answers.length > 0, answers, canonicalName};
    }
    case 'http': {
      const responses = parseHttpProbe(output);
      return {...base, ok: responses.some((r) => r.status !== null), responses};
    }
    case 'cni': {
      const cni = parseCniProbe(output);
      return {...base, ok: rc === 0 && cni?.add.exitCode === 0 && cni.del.exitCode === 0, cni};
    }
    case 'ping': {
      if (!p.capture) return {...base, ok: rc === 0};
      const at = output.indexOf(PCAP_MARK);
      if (at >= 0) {
        return {
          ...base,
          ok: rc === 0,
          output: output.slice(0, at).trimEnd(),
          capture: output.slice(at + PCAP_MARK.length),
        };
      }
      const err = output.indexOf(PCAP_ERROR_MARK);
      const captureError =
        err >= 0 ? output.slice(err + PCAP_ERROR_MARK.length).trim() : 'the collector sent no capture';
      return {...base, ok: rc === 0, output: (err >= 0 ? output.slice(0, err) : output).trimEnd(), captureError};
    }
    default:
      return {...base, ok: rc === 0};
  }
}
