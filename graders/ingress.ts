/**
 * An ingress controller seen from outside: a reverse proxy in a Pod that
 * picks a Service by the request's Host header. The live `http` probes
 * decide (who answered each connection: an endpoint's page, the proxy's own
 * error page, or nothing); the state only explains a failure: where the
 * proxy runs and listens (processes and sockets), what node1 does with the
 * connections to its port (DNAT rules, IPVS), and where the proxy's
 * configuration sends each host (a rough reading of nginx's proxy_pass and
 * upstream servers, for messages only).
 */
import {destNatRules, type DnatRule} from './dnat';
import {fail, pass, type CheckOutcome} from './exercise';
import type {HttpResponse, Socket} from './model';
import {nsLabel, type Query} from './query';

export interface Backend {
  pod: string;
  ip: string;
  port: number;
}

export interface IngressRoute {
  host: string;
  service: string;
  /** The Service's ClusterIP and port. */
  vip: string;
  port: number;
  endpoints: Backend[];
  /** The http probe from the client with this Host. */
  probe: string;
}

export interface IngressLab {
  /** The controller's Pod, the port it serves on, and its node. */
  pod: {name: string; ip: string; port: number};
  node: {name: string; ip: string; dev: string};
  client: {name: string; ip: string};
  /** The http probe from the node to the Pod's address (the controller alone, without the way in). */
  inside: string;
  configPath: string;
  routes: IngressRoute[];
}

const WILDCARD = new Set(['0.0.0.0', '*']);
const LOOPBACK = /^(127\.|::1$)/;
const sockText = (s: Socket) => `${s.local.includes(':') ? `[${s.local}]` : s.local}:${s.port}`;
const responses = (q: Query, id: string): HttpResponse[] => q.probe(id)?.responses ?? [];
const answered = (r: HttpResponse) => r.status !== null;
const refused = (r: HttpResponse) => !answered(r) && /refused/i.test(r.error ?? '');
/** The reason in socat's first error line ("... E connect(...): Connection refused" → "Connection refused"). */
function errorText(r: HttpResponse): string {
  const line = (r.error ?? '').split('\n').find((l) => l.trim() !== '');
  if (!line) return `exit status ${r.exitCode}`;
  return /:\s*([^:]+)$/.exec(line)?.[1].trim() ?? line;
}

/** The nginx processes, by namespace label. */
function nginxWhere(q: Query): {inPod: boolean; elsewhere: string[]} {
  const procs = (q.state.processes ?? []).filter((p) => p.comm === 'nginx');
  return {
    inPod: procs.some((p) => p.ns === 'ingress'),
    elsewhere: [
      ...new Set(
        procs.filter((p) => p.ns !== 'ingress').map((p) => (p.ns === '?' ? 'an unnamed namespace' : nsLabel(p.ns))),
      ),
    ],
  };
}

/**
 * The controller answers HTTP on the Pod's address, seen from its node. When it
 * does not: nothing runs in the Pod, nginx runs elsewhere, or it listens on
 * the wrong address or port, or on none (a configuration without a server).
 */
export function controllerCheck(q: Query, lab: IngressLab): CheckOutcome {
  const rs = responses(q, lab.inside);
  if (rs.some(answered)) return pass();
  const {name, ip, port} = lab.pod;
  const head =
    `${lab.node.name}'s connection to ${ip}:${port} (the ${name} Pod) ` +
    `${rs.length === 0 ? 'did not run' : refused(rs[0]) ? 'was refused' : `failed (${errorText(rs[0])})`}`;
  const {inPod, elsewhere} = nginxWhere(q);
  const tcp = (q.ns(name)?.sockets ?? []).filter((s) => s.proto === 'tcp');
  const onPort = tcp.filter((s) => s.port === port);
  if (!inPod && tcp.length === 0) {
    if (elsewhere.length) {
      return fail(
        `${head}: nginx runs in ${elsewhere.join(' and ')}, not in the ${name} Pod. A process started without ` +
          `\`ip netns exec ${name}\` lives in your shell's network namespace. Stop it (\`nginx -s stop\`) and start it ` +
          `again with \`ip netns exec ${name} nginx\`.`,
      );
    }
    return fail(
      `${head}: nothing runs in the Pod. Start nginx there: \`ip netns exec ${name} nginx\` (\`nginx -t\` first).`,
    );
  }
  if (onPort.length === 0) {
    if (tcp.length === 0) {
      const conf = q.state.files[lab.configPath];
      return fail(
        `${head}: nginx runs in the Pod but listens on no port at all: it has no server block` +
          `${conf?.exists ? '' : ` (${lab.configPath} does not exist)`}. Write the servers in ${lab.configPath}, ` +
          `check with \`nginx -t\`, and load them with \`nginx -s reload\`.`,
      );
    }
    return fail(
      `${head}: in the Pod, ${tcp.map(sockText).join(', ')} listen${tcp.length > 1 ? '' : 's'}, but nothing on port ${port}.`,
    );
  }
  if (onPort.some((s) => WILDCARD.has(s.local) || s.local === ip)) {
    if (rs.some((r) => r.exitCode === 0)) {
      return fail(
        `${lab.node.name}'s connection to ${ip}:${port} opened, but nginx closed it without an HTTP answer. ` +
          `/var/log/nginx/error.log and access.log say why (499: nginx took the probe's half-closed connection for a ` +
          `client that left; keep the lab's /etc/nginx/conf.d/00-check.conf, which tells it not to).`,
      );
    }
    return fail(
      `${head}, although ${onPort.map(sockText).join(', ')} listens in the Pod. Is a filter in the Pod dropping it?`,
    );
  }
  if (onPort.every((s) => LOOPBACK.test(s.local))) {
    return fail(
      `${head}: nginx listens on ${onPort.map(sockText).join(', ')} only, the Pod's loopback, which nothing outside ` +
        `the Pod can reach. Use \`listen ${port};\` (every address) or \`listen ${ip}:${port};\`.`,
    );
  }
  if (onPort.every((s) => s.local === '::')) {
    return fail(
      `${head}: nginx listens on [::]:${port} only, an IPv6 socket (nginx sets ipv6only=on), and the connection is IPv4. ` +
        `Add \`listen ${port};\`.`,
    );
  }
  return fail(`${head}: nginx listens on ${onPort.map(sockText).join(', ')}, not on ${ip}:${port}.`);
}

/** Where the node sends the client's connections to its port: DNAT rules that may apply, and IPVS destinations. */
function wayIn(q: Query, lab: IngressLab): {rules: DnatRule[]; ipvs: string[]} {
  const ns = q.ns(lab.node.name);
  if (!ns) return {rules: [], ipvs: []};
  // A rule in a user chain (kube-proxy's KUBE-SEP-*, portmap's CNI-DN-*) is reached through jumps this does
  // not follow: only those that send to the controller's Pod say something about the way in.
  const rules = destNatRules(ns, {src: lab.client.ip, dst: lab.node.ip, iif: lab.node.dev, oif: 'cni0'}).filter(
    (r) => r.match.m !== false && (r.hook !== 'other' || r.to === lab.pod.ip),
  );
  const ipvs = (ns.ipvs ?? [])
    .filter((v) => v.port === lab.pod.port && (v.address === lab.node.ip || v.address === '0.0.0.0'))
    .flatMap((v) => v.destinations.map((d) => `${d.address}:${d.port}`));
  return {rules, ipvs};
}

const ruleList = (rs: DnatRule[]) => rs.map((r) => `${r.tool}: ${r.text}`).join(' | ');

/** The client reaches the controller through the node's address (hostPort, NodePort: any DNAT). */
export function wayInCheck(q: Query, lab: IngressLab): CheckOutcome {
  const rs = lab.routes.flatMap((r) => responses(q, r.probe));
  if (rs.some(answered)) return pass();
  const {pod, node, client} = lab;
  const head =
    `${rs.length} connection${rs.length === 1 ? '' : 's'} from ${client.name} to ${node.ip}:${pod.port} got no HTTP answer ` +
    `(${rs.length ? errorText(rs[0]) : 'the probes did not run'}), although the controller answers ${node.name} on ${pod.ip}:${pod.port}`;
  const {rules, ipvs} = wayIn(q, lab);
  const arriving = rules.filter((r) => r.hook !== 'output');
  if (arriving.length === 0 && ipvs.length === 0) {
    if (rules.length > 0) {
      return fail(
        `${head}. ${node.name}'s DNAT is on the OUTPUT hook, which sees only connections ${node.name} opens itself; ` +
          `${client.name}'s arrive on ${node.dev} and pass PREROUTING. Rules: ${ruleList(rules)}`,
      );
    }
    return fail(
      `${head}. ${node.name} answered them itself: nothing sends its port ${pod.port} on to the Pod, and nothing listens ` +
        `on it. ${client.name} knows only the node's address; publish the Pod's port there as a hostPort or NodePort ` +
        `does, with a DNAT in ${node.name}'s PREROUTING from ${node.ip}:${pod.port} to ${pod.ip}:${pod.port}.`,
    );
  }
  const targets = [...arriving.map((r) => `${r.to}:${r.port ?? pod.port}`), ...ipvs];
  const wrong = targets.filter((t) => t !== `${pod.ip}:${pod.port}` && !t.startsWith('?'));
  if (wrong.length === targets.length) {
    return fail(
      `${head}. ${node.name} sends them to ${wrong.join(', ')}, but the controller listens on ${pod.ip}:${pod.port}.` +
        (arriving.length ? ` Rules: ${ruleList(arriving)}` : ''),
    );
  }
  return fail(
    `${head}. ${node.name} does send them to the Pod (${targets.join(', ')}): is something in ${node.name}'s FORWARD ` +
      `chain, or the Pod's route back to ${client.ip} (its default route via ${node.name}'s cni0), stopping them?`,
  );
}

/** Addresses and ports a nginx configuration proxies to: proxy_pass URLs and upstream servers (port 80 if none). */
export function nginxTargets(text: string): {ip: string; port: number}[] {
  const out: {ip: string; port: number}[] = [];
  const re = /(?:proxy_pass\s+https?:\/\/|(?:^|[{;])\s*server\s+)(\d{1,3}(?:\.\d{1,3}){3})(?::(\d+))?/gm;
  for (const m of text.replace(/#.*$/gm, '').matchAll(re)) out.push({ip: m[1], port: m[2] ? Number(m[2]) : 80});
  return out;
}

/** Configured targets that are a known Pod or Service address with the wrong port, said for a message. */
function wrongPorts(q: Query, lab: IngressLab, route: IngressRoute): string | undefined {
  const text = q.state.files[lab.configPath]?.content ?? '';
  const bad: string[] = [];
  for (const t of nginxTargets(text)) {
    const ep = route.endpoints.find((e) => e.ip === t.ip);
    if (ep && t.port !== ep.port)
      bad.push(`${t.ip}:${t.port}, but Pod ${ep.pod} listens on ${ep.port} (the targetPort)`);
    if (t.ip === route.vip && t.port !== route.port) {
      bad.push(`${t.ip}:${t.port}, but the Service ${route.service} listens on ${route.vip}:${route.port}`);
    }
  }
  return bad.length ? `${lab.configPath} proxies to ${[...new Set(bad)].join('; ')}` : undefined;
}

const count = (bodies: string[], b: string) => bodies.filter((x) => x === b).length;

/** Every connection with this route's Host reached one of its Service's endpoints, and each endpoint answered. */
export function routeCheck(q: Query, lab: IngressLab, route: IngressRoute): CheckOutcome {
  const rs = responses(q, route.probe);
  const bodies = rs.map((r) => (r.status === 200 ? r.body.trim() : ''));
  const mine = route.endpoints.map((e) => e.pod);
  const tally = (pods: string[]) => pods.map((p) => `${p} ${count(bodies, p)}`).join(', ');
  const missing = mine.filter((p) => !bodies.includes(p));
  if (rs.length > 0 && bodies.every((b) => mine.includes(b)) && missing.length === 0) return pass();
  const head = `Of ${rs.length} requests from ${lab.client.name} with Host ${route.host}`;
  const others = lab.routes.filter((o) => o !== route);
  const stray = others.filter((o) => o.endpoints.some((e) => bodies.includes(e.pod)));
  if (stray.length) {
    const o = stray[0];
    return fail(
      `${head}, ${o.endpoints.map((e) => `${count(bodies, e.pod)} got ${e.pod}'s page`).join(' and ')}: that is ` +
        `Service ${o.service}, for ${o.host}. nginx picks a server by comparing the Host header with each server's ` +
        `server_name; a Host that matches none goes to the port's default server (the first one, unless one says ` +
        `default_server). Give ${route.host} its own server_name (or its entry in a map on $host).`,
    );
  }
  const noAnswer = rs.filter((r) => !answered(r));
  if (noAnswer.length) {
    return fail(
      `${head}, ${noAnswer.length} got no HTTP answer (${errorText(noAnswer[0])}); answered: ${tally(mine)}. ` +
        `nginx itself did not answer them: did it stop, or restart with a broken configuration?`,
    );
  }
  const gateway = rs.filter((r) => r.status === 502 || r.status === 504);
  if (gateway.length) {
    const why = wrongPorts(q, lab, route);
    return fail(
      `${head}, ${gateway.length} got ${gateway[0].status} ${gateway[0].status === 502 ? 'Bad Gateway' : 'Gateway Timeout'} ` +
        `from nginx: it could not get an answer from where it proxies ${route.host}. ` +
        (why
          ? `${why}.`
          : `\`tail /var/log/nginx/error.log\` names the address ("connect() failed ... upstream: ..."); ${route.service}'s ` +
            `endpoints are ${route.endpoints.map((e) => `${e.ip}:${e.port}`).join(', ')}, its ClusterIP ${route.vip}:${route.port}.`),
    );
  }
  const own = rs.filter((r) => !mine.includes(bodies[rs.indexOf(r)]));
  if (own.length) {
    const r = own[0];
    return fail(
      `${head}, ${own.length} got an answer that is not ${route.service}'s page (status ${r.status}, ` +
        `"${r.body.trim().slice(0, 40)}"): nginx answered from its own files instead of proxying. Does the server for ` +
        `${route.host} have \`proxy_pass\` in its \`location /\`?`,
    );
  }
  const sends = nginxTargets(q.state.files[lab.configPath]?.content ?? '').filter((t) =>
    route.endpoints.some((e) => e.ip === t.ip),
  );
  const missingIps = route.endpoints.filter((e) => missing.includes(e.pod)).map((e) => e.ip);
  const only =
    sends.length && !sends.some((t) => missingIps.includes(t.ip))
      ? ` ${lab.configPath} sends ${route.host} to ${[...new Set(sends.map((t) => `${t.ip}:${t.port}`))].join(', ')} only.`
      : '';
  return fail(
    `${head}, all ${rs.length} were answered by ${mine.filter((p) => !missing.includes(p)).join(' and ')}: ` +
      `${missing.join(' and ')} never answered.${only} ` +
      `Service ${route.service} has ${mine.length} endpoints: proxy to its ClusterIP (${route.vip}:${route.port}), ` +
      `which kube-proxy spreads over them, or list each in an upstream block, as ingress-nginx does.`,
  );
}
