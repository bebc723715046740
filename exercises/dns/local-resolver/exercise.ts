import {
  answerAddrs,
  effectiveResolvConf,
  fileText,
  hostsEntry,
  parseResolvConf,
  probeResultOf,
  serverAnswer,
  serverProblem,
} from '../../../graders/dns';
import {defineExercise, fail, pass} from '../../../graders/exercise';
import type {Query} from '../../../graders/query';

const SERVER = '10.0.0.53';
const RECORDS = [
  {name: 'web.lab.example', addr: '10.0.0.80', asked: 'server-web', resolved: 'client-web'},
  {name: 'db.lab.example', addr: '10.0.0.81', asked: 'server-db', resolved: 'client-db'},
] as const;
const CLIENT_CONF = '/etc/netns/client/resolv.conf';
const CLIENT_HOSTS = '/etc/netns/client/hosts';
const answer = (q: Query, r: (typeof RECORDS)[number]) => serverAnswer(q, 'client', SERVER, r);

/** Why client's resolver does not ask 10.0.0.53, from the resolv.conf it reads. */
function resolverProblem(q: Query): string | undefined {
  const conf = effectiveResolvConf(q, 'client');
  const servers = conf ? parseResolvConf(conf.text).nameservers : [];
  if (servers.includes(SERVER)) return undefined;
  if (conf?.path === CLIENT_CONF) {
    return servers.length
      ? `${CLIENT_CONF} names ${servers.map((s) => `nameserver ${s}`).join(', ')}, not ${SERVER}.`
      : `${CLIENT_CONF} has no nameserver line, so client's resolver asks 127.0.0.1, where nothing listens.`;
  }
  const stray = fileText(q, '/etc/netns/dns/resolv.conf');
  const rootSays = servers.length ? `names ${servers.join(', ')}` : 'names no server';
  return (
    `There is no ${CLIENT_CONF}, so programs in client read the root's /etc/resolv.conf, which ${rootSays}.` +
    (stray !== undefined ? ' You wrote /etc/netns/dns/resolv.conf: only programs in dns read that one.' : '')
  );
}

/** What is wrong with client's answer for one record, or undefined when it is right. */
function clientProblem(q: Query, r: (typeof RECORDS)[number], resolver: string | undefined): string | undefined {
  const p = probeResultOf(q, r.resolved);
  const got = answerAddrs(p);
  const hosts = hostsEntry(q, 'client', r.name);
  const fromHosts = hosts !== undefined && got.length > 0 && got.every((a) => hosts.addrs.includes(a));
  if (p.ok && got.includes(r.addr) && !(resolver && fromHosts)) return undefined;
  if (fromHosts) {
    return resolver
      ? `getent finds the names in ${hosts.path}, but dig asks DNS servers only. ${resolver}`
      : `client gets ${got.join(', ')} for ${r.name} from ${hosts.path}, which nsswitch.conf (\`hosts: files dns\`) reads before asking DNS.`;
  }
  if (p.ok) return `client resolves ${r.name} to ${got.join(', ')}, not ${r.addr}.`;
  return resolver ?? `client cannot resolve ${r.name} (getent exited ${p.exitCode}), although it asks ${SERVER}.`;
}

export default defineExercise({
  id: 'dns/local-resolver',
  title: 'Run a resolver for lab.example',
  probes: [
    ...RECORDS.map((r) => ({id: r.asked, kind: 'dns' as const, from: 'client', server: SERVER, name: r.name})),
    ...RECORDS.map((r) => ({id: r.resolved, kind: 'resolve' as const, from: 'client', name: r.name})),
  ],
  deepNamespaces: ['dns'],
  files: [CLIENT_CONF, '/etc/resolv.conf', '/etc/netns/dns/resolv.conf', CLIENT_HOSTS, '/etc/hosts'],
  hints: [
    'Two halves: a server in dns that knows the names, and a client that knows where the server is.',
    'dnsmasq is a DNS server in one command; `ip netns exec dns` starts it inside dns.',
  ],
  checks: [
    {
      id: 'server',
      title: 'A DNS server in dns answers queries sent to 10.0.0.53',
      hints: [
        '`ip netns exec dns ss -lntup` shows what listens in dns, on which address and port.',
        'Start dnsmasq with `ip netns exec dns dnsmasq ...`; `--listen-address=10.0.0.53 --bind-interfaces` binds it to that address only.',
      ],
      run: (q) => {
        const p = serverProblem(q, 'client', 'dns', SERVER, RECORDS);
        return p ? fail(p) : pass();
      },
    },
    {
      id: 'records',
      title: 'The server answers web.lab.example with 10.0.0.80 and db.lab.example with 10.0.0.81',
      dependsOn: ['server'],
      hints: [
        '`ip netns exec client dig @10.0.0.53 web.lab.example` shows what the server answers, section by section.',
        "dnsmasq's `--address=/NAME/ADDRESS` or `--host-record=NAME,ADDRESS` gives a name an A record.",
      ],
      run: (q) => {
        const wrong: string[] = [];
        for (const r of RECORDS) {
          const a = answer(q, r);
          const got = a.addrs;
          if (got.length === 1 && got[0] === r.addr) continue;
          wrong.push(
            got.length
              ? `${SERVER} answers ${r.name} with ${got.join(', ')}; the task asks for ${r.addr}`
              : a.replied
                ? `${SERVER} has no A record for ${r.name} (an empty answer)`
                : `a query to ${SERVER} for ${r.name} got no reply in time (exit ${a.exitCode})`,
          );
        }
        return wrong.length ? fail(`${wrong.join('. ')}.`) : pass();
      },
    },
    {
      id: 'client',
      title: 'client resolves both names through 10.0.0.53 (getent and dig)',
      dependsOn: ['records'],
      hints: [
        '`ip netns exec client ...` reads /etc/netns/client/resolv.conf in place of /etc/resolv.conf, when that file exists.',
        'The file needs one line: `nameserver 10.0.0.53`.',
      ],
      run: (q) => {
        const resolver = resolverProblem(q);
        // One resolv.conf problem explains both names: say it once.
        const problems = new Set(RECORDS.map((r) => clientProblem(q, r, resolver)).filter((m) => m !== undefined));
        return problems.size ? fail([...problems].join(' ')) : pass();
      },
    },
  ],
});
