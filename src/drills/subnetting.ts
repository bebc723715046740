/**
 * Subnetting drills: questions generated from (learner seed, question
 * number), answers computed and checked with ipaddr.js, and feedback that
 * shows the reasoning in binary. Pure, so the page and the tests agree.
 */
import ipaddr from 'ipaddr.js';
import {intIn, mulberry32, pick, type Rng} from './prng';

export const KINDS = ['which-subnet', 'usable-hosts', 'network-broadcast', 'split', 'smallest-prefix'] as const;
export type Kind = (typeof KINDS)[number];

export interface Question {
  kind: Kind;
  prompt: string;
  /** What to type, e.g. "network/prefix". */
  format: string;
  /** The right answer in its canonical form. */
  answer: string;
  /** Why, in binary terms; shown after an answer. */
  explanation: string;
}

export interface Verdict {
  ok: boolean;
  feedback: string;
  /** False when the input could not be read as an answer (wrong format): not counted as a try. */
  readable: boolean;
}

const toInt = (ip: string): number =>
  ipaddr.IPv4.parse(ip)
    .toByteArray()
    .reduce((n, b) => n * 256 + b, 0);
const fromInt = (n: number): string =>
  ipaddr.fromByteArray([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]).toString();

/** "10.0.0.77" at /27 -> "00001010.00000000.00000000.010|01101": the bar is where the prefix ends. */
export function binary(ip: string, prefix: number): string {
  const bits = ipaddr.IPv4.parse(ip)
    .toByteArray()
    .map((b) => b.toString(2).padStart(8, '0'))
    .join('');
  // A bar where the prefix ends (in place of the dot on a byte boundary), dots between bytes.
  let out = '';
  for (let i = 0; i < 32; i++) {
    if (i === prefix && i > 0) out += '|';
    else if (i > 0 && i % 8 === 0) out += '.';
    out += bits[i];
  }
  return out;
}

export const network = (ip: string, prefix: number): string =>
  ipaddr.IPv4.networkAddressFromCIDR(`${ip}/${prefix}`).toString();
export const broadcast = (ip: string, prefix: number): string =>
  ipaddr.IPv4.broadcastAddressFromCIDR(`${ip}/${prefix}`).toString();

/** Usable host addresses in a /N: two fewer than its size, except /31 (RFC 3021, point-to-point) and /32. */
export function usable(prefix: number): number {
  if (prefix === 32) return 1;
  if (prefix === 31) return 2;
  return 2 ** (32 - prefix) - 2;
}

/** The longest prefix whose subnet has room for `hosts` (network and broadcast set aside). */
export function smallestPrefixFor(hosts: number): number {
  let p = 30;
  while (usable(p) < hosts) p--;
  return p;
}

/** An address in one of the RFC 1918 private ranges. */
function privateAddress(rng: Rng): string {
  const r = pick(rng, ['10', '172', '192'] as const);
  const b = () => intIn(rng, 0, 255);
  if (r === '10') return `10.${b()}.${b()}.${b()}`;
  if (r === '172') return `172.${intIn(rng, 16, 31)}.${b()}.${b()}`;
  return `192.168.${b()}.${b()}`;
}

function whichSubnet(rng: Rng): Question {
  const prefix = intIn(rng, 17, 30);
  const ip = privateAddress(rng);
  const net = network(ip, prefix);
  return {
    kind: 'which-subnet',
    prompt: `A host has the address ${ip}/${prefix}. Which subnet is it on?`,
    format: 'network/prefix, e.g. 10.0.0.0/8',
    answer: `${net}/${prefix}`,
    explanation:
      `In binary, ${ip} is ${binary(ip, prefix)}; the first ${prefix} bits (before the bar) are the network. ` +
      `Set every bit after the bar to 0: ${binary(net, prefix)}, which is ${net}. The subnet is ${net}/${prefix}.`,
  };
}

function usableHosts(rng: Rng): Question {
  // Mostly ordinary LAN sizes; now and then the two special cases.
  const prefix = rng() < 0.15 ? pick(rng, [31, 32]) : intIn(rng, 16, 30);
  const hostBits = 32 - prefix;
  const why =
    prefix === 32
      ? 'A /32 has no host bits: it names exactly one address, used for a single host (a loopback, a host route).'
      : prefix === 31
        ? 'A /31 has 1 host bit, so 2 addresses. On a point-to-point link there is nobody to broadcast to, so RFC 3021 lets both be hosts: 2.'
        : `A /${prefix} leaves ${hostBits} host bits, so 2^${hostBits} = ${2 ** hostBits} addresses. ` +
          `All host bits 0 is the network address and all 1 the broadcast address, so ${2 ** hostBits} - 2 = ${usable(prefix)} are left for hosts.`;
  return {
    kind: 'usable-hosts',
    prompt: `How many usable host addresses does a /${prefix} have?`,
    format: 'a number',
    answer: String(usable(prefix)),
    explanation: why,
  };
}

function networkBroadcast(rng: Rng): Question {
  const prefix = intIn(rng, 17, 30);
  const ip = privateAddress(rng);
  const net = network(ip, prefix);
  const brd = broadcast(ip, prefix);
  return {
    kind: 'network-broadcast',
    prompt: `What are the network and broadcast addresses of ${ip}/${prefix}?`,
    format: 'two addresses, network first, e.g. 10.0.0.0, 10.0.0.255',
    answer: `${net}, ${brd}`,
    explanation:
      `${ip} is ${binary(ip, prefix)}. Host bits all 0 give the network, ${binary(net, prefix)} = ${net}; ` +
      `host bits all 1 give the broadcast, ${binary(brd, prefix)} = ${brd}.`,
  };
}

function split(rng: Rng): Question {
  const parts = pick(rng, [2, 4, 8]);
  const extra = Math.log2(parts);
  const prefix = intIn(rng, 16, 30 - extra);
  const net = network(privateAddress(rng), prefix);
  const child = prefix + extra;
  const size = 2 ** (32 - child);
  const subnets = Array.from({length: parts}, (_, i) => `${fromInt(toInt(net) + i * size)}/${child}`);
  return {
    kind: 'split',
    prompt: `Split ${net}/${prefix} into ${parts} equal subnets. List them.`,
    format: 'network/prefix for each, separated by commas or spaces',
    answer: subnets.join(', '),
    explanation:
      `${parts} subnets need ${extra} more network bit${extra > 1 ? 's' : ''} (2^${extra} = ${parts}), so each is a /${child} of ${size} addresses. ` +
      `Count those ${extra} bits from 0 to ${parts - 1} after the /${prefix} boundary: the networks step by ${size}, from ${subnets[0]} to ${subnets[parts - 1]}.`,
  };
}

function smallestPrefix(rng: Rng): Question {
  const hosts = intIn(rng, 2, 1000);
  const p = smallestPrefixFor(hosts);
  return {
    kind: 'smallest-prefix',
    prompt: `A subnet must hold ${hosts} hosts. What is the longest prefix (the smallest subnet) that fits?`,
    format: 'a prefix, e.g. /24',
    answer: `/${p}`,
    explanation:
      `${hosts} hosts plus the network and broadcast addresses make ${hosts + 2}. ` +
      `The smallest power of two at least that big is 2^${32 - p} = ${2 ** (32 - p)}, so ${32 - p} host bits and a /${p} (${usable(p)} usable)` +
      (p < 30 ? `; a /${p + 1} would hold only ${usable(p + 1)}.` : '.'),
  };
}

const MAKERS: Record<Kind, (rng: Rng) => Question> = {
  'which-subnet': whichSubnet,
  'usable-hosts': usableHosts,
  'network-broadcast': networkBroadcast,
  split,
  'smallest-prefix': smallestPrefix,
};

/**
 * Question number `index` of a learner: the same (seed, index) always gives
 * the same question. `kinds` limits the mix (all kinds by default).
 */
export function question(seed: number, index: number, kinds: readonly Kind[] = KINDS): Question {
  // Mix seed and index so neighbouring seeds do not give shifted copies of the same sequence.
  const rng = mulberry32((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  return MAKERS[pick(rng, kinds.length ? kinds : KINDS)](rng);
}

// ---- reading answers ----

const IPV4_CIDR = /(\d{1,3}(?:\s*\.\s*\d{1,3}){3})(?:\s*\/\s*(\d{1,3}(?:\.\d{1,3}){3}|\d{1,3}))?/g;

/** A prefix length from "26", "/26" or a dotted mask; undefined when it is neither. */
function prefixOf(text: string): number | undefined {
  const t = text.trim().replace(/^\//, '').trim();
  if (/^\d{1,2}$/.test(t)) return Number(t) <= 32 ? Number(t) : undefined;
  if (ipaddr.IPv4.isValidFourPartDecimal(t)) {
    const p = ipaddr.IPv4.parse(t).prefixLengthFromSubnetMask();
    return p ?? undefined;
  }
  return undefined;
}

/** Every "address[/prefix]" in the text, blanks around dots and slashes tolerated. */
function addresses(text: string): {ip: string; prefix?: number; bad?: string}[] {
  return [...text.matchAll(IPV4_CIDR)].map((m) => {
    const ip = (m[1] ?? '').replace(/\s+/g, '');
    if (!ipaddr.IPv4.isValidFourPartDecimal(ip)) return {ip, bad: `${ip} is not an IPv4 address`};
    const canonical = ipaddr.IPv4.parse(ip).toString();
    if (m[2] === undefined) return {ip: canonical};
    const prefix = prefixOf(m[2]);
    return prefix === undefined
      ? {ip: canonical, bad: `/${m[2]} is not a prefix length or netmask`}
      : {ip: canonical, prefix};
  });
}

const wrong = (q: Question, why: string): Verdict => ({
  ok: false,
  readable: true,
  feedback: `${why} The answer is ${q.answer}. ${q.explanation}`,
});
const right = (q: Question): Verdict => ({ok: true, readable: true, feedback: `${q.answer}. ${q.explanation}`});
const unreadable = (feedback: string): Verdict => ({ok: false, readable: false, feedback});

/** Checks an answer as typed; equivalent forms (blanks, a netmask for a prefix, any order for a split) count. */
export function checkAnswer(q: Question, input: string): Verdict {
  const text = input.trim();
  if (text === '') return unreadable(`Type an answer first: ${q.format}.`);
  switch (q.kind) {
    case 'usable-hosts': {
      const n = /^\d+$/.test(text.replace(/[\s,_]/g, '')) ? Number(text.replace(/[\s,_]/g, '')) : NaN;
      if (Number.isNaN(n)) return unreadable(`Answer with a number, e.g. 254.`);
      return n === Number(q.answer) ? right(q) : wrong(q, `${n} is not it.`);
    }
    case 'smallest-prefix': {
      const p = prefixOf(text);
      if (p === undefined) return unreadable(`Answer with a prefix such as /24 (or a netmask).`);
      return `/${p}` === q.answer ? right(q) : wrong(q, `/${p} is not it.`);
    }
    case 'which-subnet':
    case 'split':
    case 'network-broadcast': {
      const found = addresses(text);
      const bad = found.find((a) => a.bad);
      if (bad?.bad) return unreadable(`${bad.bad}. Expected ${q.format}.`);
      if (found.length === 0) return unreadable(`No IPv4 address found. Expected ${q.format}.`);
      const want = addresses(q.answer);
      if (q.kind === 'network-broadcast') {
        const got = found.map((a) => a.ip);
        if (got.length !== 2) return unreadable(`Give two addresses, the network and the broadcast.`);
        return got[0] === want[0]?.ip && got[1] === want[1]?.ip ? right(q) : wrong(q, `${got.join(', ')} is not it.`);
      }
      const missingPrefix = found.find((a) => a.prefix === undefined);
      if (missingPrefix) return unreadable(`Add the prefix to ${missingPrefix.ip}, e.g. ${missingPrefix.ip}/24.`);
      const key = (a: {ip: string; prefix?: number}) => `${a.ip}/${a.prefix}`;
      const got = new Set(found.map(key));
      const expected = new Set(want.map(key));
      const same = got.size === expected.size && [...got].every((k) => expected.has(k)) && found.length === want.length;
      return same ? right(q) : wrong(q, `${found.map(key).join(', ')} is not it.`);
    }
  }
}
