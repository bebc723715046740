/**
 * The two checks every "publish a port" lab shares (a router forwarding a
 * port, Docker's `-p`, later a NodePort): is there a DNAT rule that sends the
 * client's connection to the right server and port, and does a live
 * connection get through? The lab describes its flow once; the messages
 * name its own hosts, addresses and interfaces.
 */
import {probeOk} from './checks';
import type {DnatRule} from './dnat';
import {explain, type Diagnosis} from './diagnose';
import {fail, pass, type CheckOutcome} from './exercise';
import type {Query} from './query';

export interface PortForward {
  /** The client, as the messages name it, and its address. */
  clientName: string;
  client: string;
  /** The address and port the client connects to. */
  public: string;
  publicPort: number;
  /** Where the connection has to end up. */
  serverName: string;
  server: string;
  port: number;
  /** What translates, as the messages say it: "the router", "the host". */
  translator: string;
  /** The interface the client's packets arrive on. */
  inIface: string;
  /** A tcp probe from the client to public:publicPort. */
  probe: string;
  /** DNAT rules judged against the client's packet as it arrives (destNatRules). */
  rules: DnatRule[];
  /** What stops the translated flow (routing, FORWARD filtering), both directions (diagnoseFlow). */
  blockers: Diagnosis[];
  /** Said after the message for a rule to the wrong place, e.g. which port is whose. */
  wrongPlaceNote?: string;
  /** Said after "OUTPUT only sees connections <translator> opens itself", e.g. when that is right elsewhere. */
  outputNote?: string;
}

const where = (r: DnatRule, publicPort: number) =>
  `${r.to}${r.port === undefined ? ` (port unchanged, so ${publicPort})` : `:${r.port}`}`;
const list = (rs: DnatRule[]) => rs.map((r) => `${r.tool}: ${r.text}`).join(' | ');

/** A DNAT rule on the way in sends the client's connection to server:port. */
export function dnatRuleCheck(q: Query, f: PortForward): CheckOutcome {
  const all = f.rules;
  if (all.length === 0) return fail('There is no DNAT rule in iptables (either backend) or nftables.');
  const arriving = all.filter((r) => r.hook !== 'output');
  if (arriving.length === 0) {
    return fail(
      `Your DNAT rule is on the OUTPUT hook, which only sees connections ${f.translator} itself opens` +
        `${f.outputNote ? ` (${f.outputNote})` : ''}; ${f.clientName}'s packets arrive from the wire and go through ` +
        `PREROUTING. Rule: ${list(all)}`,
    );
  }
  const applies = arriving.filter((r) => r.match.m !== false);
  if (applies.length === 0) {
    return fail(
      `None of your DNAT rules applies to a packet from ${f.client} to ${f.public} arriving on ${f.inIface} ` +
        `(check the address and interface matches): ${list(arriving)}`,
    );
  }
  const right = applies.filter((r) => r.to === f.server && r.port === f.port);
  if (right.length === 0) {
    const r = applies[0];
    return fail(
      `Your ${r.tool} rule sends ${f.clientName}'s connections to ${where(r, f.publicPort)}, but the server in ` +
        `${f.serverName} listens on ${f.server}:${f.port}${f.wrongPlaceNote ? `: ${f.wrongPlaceNote}` : ''}. Rule: ${r.text}`,
    );
  }
  if (right.some((r) => r.match.m === true)) return pass();
  // A protocol, port or addrtype match, or a user chain, cannot be evaluated here: the live connection decides.
  if (probeOk(q, f.probe)) return pass();
  const why = right[0].match.why ?? 'a match this grader cannot evaluate';
  const blocked = explain(f.blockers.filter((d) => d.direction === 'request'));
  if (blocked) {
    return fail(
      `Your rule toward ${f.server}:${f.port} uses ${why}, which the grader cannot evaluate, and the live test ` +
        `cannot show whether it applies because the translated packets are stopped first: ${blocked}`,
    );
  }
  return fail(
    `Your rule toward ${f.server}:${f.port} uses ${why}, which the grader cannot evaluate, so the live test decides: ` +
      `${f.clientName} could not connect to ${f.public}:${f.publicPort}. Rule: ${right[0].text}`,
  );
}

/** The client's live TCP connection to public:publicPort gets through. */
export function fetchCheck(q: Query, f: PortForward): CheckOutcome {
  if (probeOk(q, f.probe)) return pass();
  const head = `A TCP connection from ${f.clientName} to ${f.public}:${f.publicPort} failed`;
  const why = explain(f.blockers);
  if (why) return fail(`${head}. ${why}`);
  // A reset: a host answered with nothing listening, the translator itself (no DNAT) or the server on another port.
  if (/refused/i.test(q.probe(f.probe)?.output ?? '')) {
    return fail(
      `${head}: connection refused. It reached a host where nothing listens on that port: ${f.translator} itself ` +
        `if no DNAT rule applied, or ${f.serverName} if the rule sends it to another port than ${f.port}.`,
    );
  }
  return fail(
    `${head} (no answer). Nothing in the routing or FORWARD filtering of ${f.translator} stops it: check the DNAT ` +
      `rule, and that the server in ${f.serverName} (started by the setup) still listens on ${f.server}:${f.port}.`,
  );
}
