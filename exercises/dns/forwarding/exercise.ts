import {
  answerAddrs,
  effectiveResolvConf,
  listenerProblem,
  parseResolvConf,
  probeResultOf,
  serverAnswer,
  serverProblem,
} from '../../../graders/dns';
import {defineExercise, fail, pass} from '../../../graders/exercise';
import type {Query} from '../../../graders/query';

const SERVER = '10.0.0.53';
const UPSTREAM = '10.0.0.10';
const OWN = {name: 'web.lab.example', addr: '10.0.0.80', asked: 'own-web', resolved: 'client-web'};
const FAR = {name: 'www.example.org', addr: '203.0.113.10', asked: 'fwd-www', resolved: 'client-www'};
type Rec = typeof OWN;

const answer = (q: Query, r: Rec) => serverAnswer(q, 'client', SERVER, r);

export default defineExercise({
  id: 'dns/forwarding',
  title: 'Answer your own zone, forward the rest',
  probes: [
    {id: OWN.asked, kind: 'dns', from: 'client', server: SERVER, name: OWN.name},
    {id: FAR.asked, kind: 'dns', from: 'client', server: SERVER, name: FAR.name},
    {id: OWN.resolved, kind: 'resolve', from: 'client', name: OWN.name},
    {id: FAR.resolved, kind: 'resolve', from: 'client', name: FAR.name},
  ],
  deepNamespaces: ['dns', 'upstream'],
  files: ['/etc/netns/client/resolv.conf', '/etc/resolv.conf', '/etc/netns/client/hosts', '/etc/hosts'],
  hints: [
    'One dnsmasq in dns does both jobs: it holds web.lab.example itself and passes every other question to 10.0.0.10.',
    'Stop only your own server with `kill $(ip netns pids dns)`: `pkill dnsmasq` also stops the one in upstream.',
  ],
  checks: [
    {
      id: 'server',
      title: 'A DNS server in dns answers queries sent to 10.0.0.53',
      hints: [
        '`ip netns exec dns ss -lntup` shows what listens in dns, on which address and port.',
        'Start dnsmasq with `ip netns exec dns dnsmasq ...` and `--listen-address=10.0.0.53 --bind-interfaces`.',
      ],
      run: (q) => {
        const p = serverProblem(q, 'client', 'dns', SERVER, [OWN, FAR]);
        return p ? fail(p) : pass();
      },
    },
    {
      id: 'own-zone',
      title: 'The resolver answers web.lab.example with 10.0.0.80 itself',
      dependsOn: ['server'],
      hints: [
        'upstream knows nothing about lab.example: `ip netns exec client dig @10.0.0.10 web.lab.example` is refused.',
        '`--host-record=web.lab.example,10.0.0.80` gives your dnsmasq the record; `--local=/lab.example/` keeps the rest of the domain from going upstream.',
      ],
      run: (q) => {
        const a = answer(q, OWN);
        if (a.addrs.length === 1 && a.addrs[0] === OWN.addr) return pass();
        if (a.addrs.length)
          return fail(`${SERVER} answers ${OWN.name} with ${a.addrs.join(', ')}; it should be ${OWN.addr}.`);
        return fail(
          `${SERVER} has no address for ${OWN.name}. The name is in your own zone: no other server has it, ` +
            `so your resolver must hold the record itself.`,
        );
      },
    },
    {
      id: 'forwards',
      title: 'Other names, such as www.example.org, are forwarded to 10.0.0.10',
      dependsOn: ['server'],
      hints: [
        '`ip netns exec client dig @10.0.0.10 www.example.org` shows what upstream answers; your server should pass that question on.',
        "dnsmasq's `--server=ADDRESS` names an upstream server; `--no-resolv` means it reads none from resolv.conf.",
      ],
      run: (q) => {
        const a = answer(q, FAR);
        if (a.addrs.length === 1 && a.addrs[0] === FAR.addr) return pass();
        const down = listenerProblem(q, 'upstream', UPSTREAM);
        if (down) {
          return fail(
            `The upstream server is not running: ${down} (\`pkill dnsmasq\` stops it too; press Start to rebuild the lab.)`,
          );
        }
        if (a.addrs.length) {
          return fail(
            `${SERVER} answers ${FAR.name} with ${a.addrs.join(', ')}, but ${UPSTREAM} says ${FAR.addr}: the answer does not come from upstream.`,
          );
        }
        if (a.replied) {
          return fail(
            `${SERVER} replies to ${FAR.name} without an address (dnsmasq refuses what it neither holds nor can ` +
              `forward): it has no upstream server. The name is only known to ${UPSTREAM}.`,
          );
        }
        return fail(
          `A query to ${SERVER} for ${FAR.name} got no reply in time: your resolver seems to wait for an upstream ` +
            `that does not answer. The server that knows the name is ${UPSTREAM}.`,
        );
      },
    },
    {
      id: 'client',
      title: 'client resolves both names through its resolver',
      dependsOn: ['own-zone', 'forwards'],
      hints: ["client's /etc/netns/client/resolv.conf came with the lab as `nameserver 10.0.0.53`; leave it so."],
      run: (q) => {
        const wrong = [OWN, FAR].filter((r) => !answerAddrs(probeResultOf(q, r.resolved)).includes(r.addr));
        if (wrong.length === 0) return pass();
        const conf = effectiveResolvConf(q, 'client');
        const servers = conf ? parseResolvConf(conf.text).nameservers : [];
        return fail(
          `getent in client does not find ${wrong.map((r) => r.name).join(' or ')}` +
            (servers.includes(SERVER)
              ? '.'
              : `: ${conf?.path ?? 'its resolv.conf'} names ${servers.length ? servers.join(', ') : 'no server'}, not ${SERVER}.`),
        );
      },
    },
  ],
});
