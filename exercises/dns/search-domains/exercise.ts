import {effectiveResolvConf, fileText, hostsLookup, parseResolvConf} from '../../../graders/dns';
import {defineExercise, fail, pass} from '../../../graders/exercise';
import type {ProbeResult} from '../../../graders/model';
import type {Query} from '../../../graders/query';

const SERVER = '10.0.0.53';
const DOMAIN = 'lab.example';
const CONF = '/etc/netns/client/resolv.conf';
/** The address the server gives the short name api.svc itself: what a resolver that asks it as written gets. */
const OUTSIDE = '198.51.100.66';

function result(q: Query, id: string): ProbeResult {
  const p = q.probe(id);
  if (!p) throw new Error(`the live test "${id}" produced no result`);
  return p;
}

/** A hosts-file entry for `name` in client, which would answer before DNS (and so skip the search list). */
function hostsHas(q: Query, name: string): string | undefined {
  for (const path of ['/etc/netns/client/hosts', '/etc/hosts']) {
    const text = fileText(q, path);
    if (text === undefined) continue;
    return hostsLookup(text, name).length ? path : undefined;
  }
  return undefined;
}

/** What is wrong with client's resolver file for short names, if the file shows it. */
function confProblem(q: Query): string | undefined {
  const conf = effectiveResolvConf(q, 'client');
  if (!conf || conf.path !== CONF) {
    return `There is no ${CONF}: client reads the root's /etc/resolv.conf instead, which names no server.`;
  }
  const c = parseResolvConf(conf.text);
  if (!c.nameservers.includes(SERVER)) {
    return `${CONF} has ${c.nameservers.length ? `nameserver ${c.nameservers.join(', ')}` : 'no nameserver line'}: client no longer asks ${SERVER}.`;
  }
  if (c.search.length === 0) {
    const root = parseResolvConf(fileText(q, '/etc/resolv.conf') ?? '').search;
    return (
      `${CONF} has no search list, so \`web\` is asked as the name \`web.\`, which does not exist.` +
      (root.length
        ? " The search line in the root's /etc/resolv.conf does not reach client, which reads its own file."
        : '')
    );
  }
  if (!c.search.includes(DOMAIN)) {
    return `${CONF} searches ${c.search.join(' ')}, which does not include ${DOMAIN}: \`web\` becomes ${c.search.map((d) => `web.${d}`).join(', ')}.`;
  }
  return undefined;
}

export default defineExercise({
  id: 'dns/search-domains',
  title: 'Short names through search and ndots',
  probes: [
    {id: 'web', kind: 'resolve', from: 'client', name: 'web'},
    {id: 'api', kind: 'resolve', from: 'client', name: 'api.svc'},
  ],
  files: [CONF, '/etc/resolv.conf', '/etc/netns/client/hosts', '/etc/hosts'],
  hints: [
    "Everything happens in client's resolver file; the server already knows every name.",
    'resolv.conf(5) documents `search` and `options ndots:N`.',
  ],
  checks: [
    {
      id: 'search',
      title: 'In client, the short name web resolves to web.lab.example (10.0.0.80)',
      hints: [
        'The resolver appends the domains of the `search` line to names that look short.',
        '`search lab.example` in /etc/netns/client/resolv.conf, next to the nameserver line.',
      ],
      run: (q) => {
        const p = result(q, 'web');
        const hosts = hostsHas(q, 'web');
        if (hosts)
          return fail(`${hosts} lists the name web: the hosts file answers before DNS, and no search happens.`);
        if (p.ok && p.answers?.includes('10.0.0.80')) return pass();
        const why = confProblem(q);
        if (why) return fail(why);
        return fail(
          p.ok
            ? `client resolves web to ${(p.answers ?? []).join(', ')} (${p.canonicalName ?? 'no name'}), not 10.0.0.80.`
            : `client cannot resolve web (getent exited ${p.exitCode}), although its resolver file looks right.`,
        );
      },
    },
    {
      id: 'ndots',
      title: 'api.svc resolves to api.svc.lab.example (10.0.0.90), not to the name as written',
      dependsOn: ['search'],
      hints: [
        "A name with at least `ndots` dots is first asked as written; api.svc has one dot, and glibc's default is ndots:1.",
        'Raise the threshold with `options ndots:N`; N must be larger than the dots in api.svc.',
      ],
      run: (q) => {
        const p = result(q, 'api');
        if (p.ok && p.answers?.includes('10.0.0.90')) return pass();
        const conf = effectiveResolvConf(q, 'client');
        const ndots = conf ? parseResolvConf(conf.text).ndots : 1;
        if (p.answers?.includes(OUTSIDE)) {
          return fail(
            `client resolves api.svc to ${OUTSIDE}, the record of the name as written: it has 1 dot, and with ndots:${ndots} ` +
              'a name with that many dots is asked as it is before the search list. A larger ndots tries api.svc.lab.example first.',
          );
        }
        return fail(
          p.ok
            ? `client resolves api.svc to ${(p.answers ?? []).join(', ')}, not 10.0.0.90.`
            : `client cannot resolve api.svc (getent exited ${p.exitCode}).`,
        );
      },
    },
  ],
});
