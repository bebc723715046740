/**
 * The drill generator: same seed, same questions; every answer re-derived
 * here independently (ipaddr.js ranges and plain counting, not the
 * generator's own helpers); the checker takes equivalent forms and refuses
 * wrong ones.
 */
import ipaddr from 'ipaddr.js';
import {describe, expect, it} from 'vitest';
import {mulberry32} from '../prng';
import {binary, checkAnswer, KINDS, question, type Kind, type Question} from '../subnetting';

const SEEDS = [0, 1, 7, 42, 0xffffffff, 123456789];
const many = (kind: Kind, n = 200): Question[] =>
  SEEDS.flatMap((s) => Array.from({length: n / SEEDS.length + 1}, (_, i) => question(s, i, [kind])));

/** The address and prefix a prompt is about, e.g. "10.1.2.3/27". */
const cidrIn = (text: string): [ipaddr.IPv4, number] => {
  const m = /(\d+\.\d+\.\d+\.\d+)\/(\d+)/.exec(text);
  if (!m) throw new Error(`no address/prefix in "${text}"`);
  const [addr, prefix] = ipaddr.IPv4.parseCIDR(`${m[1]}/${m[2]}`);
  return [addr, prefix];
};
const ipInt = (a: ipaddr.IPv4) => a.toByteArray().reduce((n, b) => n * 256 + b, 0);

describe('mulberry32', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('subnetting drills', () => {
  it('gives the same question for the same seed and number, and varies otherwise', () => {
    expect(question(42, 3)).toEqual(question(42, 3));
    const prompts = new Set(Array.from({length: 30}, (_, i) => question(42, i).prompt));
    expect(prompts.size).toBeGreaterThan(25);
    expect(question(1, 0).prompt).not.toBe(question(2, 0).prompt);
    const kinds = new Set(Array.from({length: 60}, (_, i) => question(9, i).kind));
    expect([...kinds].sort()).toEqual([...KINDS].sort());
  });

  it('which-subnet: the answer is a network that holds the address', () => {
    for (const q of many('which-subnet')) {
      const [addr, prefix] = cidrIn(q.prompt);
      const [net, p] = cidrIn(q.answer);
      expect(p).toBe(prefix);
      expect(addr.match(net, p)).toBe(true);
      expect(ipInt(net) % 2 ** (32 - p)).toBe(0);
      expect(checkAnswer(q, q.answer).ok).toBe(true);
    }
  });

  it('network-broadcast: first and last address of the range', () => {
    for (const q of many('network-broadcast')) {
      const [addr, prefix] = cidrIn(q.prompt);
      const [net, brd] = q.answer.split(', ').map((s) => ipaddr.IPv4.parse(s));
      if (!net || !brd) throw new Error(q.answer);
      const size = 2 ** (32 - prefix);
      expect(ipInt(brd) - ipInt(net)).toBe(size - 1);
      expect(ipInt(net) % size).toBe(0);
      expect(addr.match(net, prefix)).toBe(true);
    }
  });

  it('usable-hosts: 2^(32-N) - 2, with /31 (RFC 3021) and /32 handled, never /0', () => {
    const seen = new Set<number>();
    for (const q of many('usable-hosts', 600)) {
      const n = Number(/\/(\d+)/.exec(q.prompt)?.[1]);
      seen.add(n);
      const want = n === 32 ? 1 : n === 31 ? 2 : 2 ** (32 - n) - 2;
      expect(Number(q.answer)).toBe(want);
      expect(n).toBeGreaterThan(0);
    }
    expect(seen.has(31) && seen.has(32)).toBe(true);
  });

  it('split: equal, adjacent, aligned subnets that exactly cover the block', () => {
    for (const q of many('split')) {
      const [block, prefix] = cidrIn(q.prompt);
      const k = Number(/into (\d+)/.exec(q.prompt)?.[1]);
      const parts = q.answer.split(', ').map((s) => ipaddr.IPv4.parseCIDR(s));
      expect(parts.length).toBe(k);
      const size = 2 ** (32 - prefix) / k;
      parts.forEach(([net, p], i) => {
        expect(2 ** (32 - p)).toBe(size);
        expect(ipInt(net)).toBe(ipInt(block) + i * size);
        expect(net.match(block, prefix)).toBe(true);
      });
    }
  });

  it('smallest-prefix: fits, and one bit longer would not', () => {
    for (const q of many('smallest-prefix')) {
      const hosts = Number(/hold (\d+) hosts/.exec(q.prompt)?.[1]);
      const p = Number(q.answer.slice(1));
      expect(2 ** (32 - p) - 2).toBeGreaterThanOrEqual(hosts);
      if (p < 30) expect(2 ** (32 - p - 1) - 2).toBeLessThan(hosts);
    }
  });

  it('accepts equivalent forms', () => {
    const ws = question(0, 0, ['which-subnet']);
    const [net, p] = ws.answer.split('/');
    for (const form of [
      ` ${net}/${p} `,
      `${net} /${p}`,
      `${net} / ${p}`,
      `${net}/${ipaddr.IPv4.subnetMaskFromPrefixLength(Number(p))}`,
    ])
      expect(checkAnswer(ws, form).ok, form).toBe(true);
    const nb = question(0, 0, ['network-broadcast']);
    const [n, b] = nb.answer.split(', ');
    for (const form of [`${n} ${b}`, `${n} and ${b}`, `  ${n},${b}\n`])
      expect(checkAnswer(nb, form).ok, form).toBe(true);
    const sp = question(0, 0, ['split']);
    const parts = sp.answer.split(', ');
    expect(checkAnswer(sp, [...parts].reverse().join('\n')).ok).toBe(true);
    expect(checkAnswer(sp, parts.join(' ')).ok).toBe(true);
    const pr = question(0, 0, ['smallest-prefix']);
    const len = Number(pr.answer.slice(1));
    for (const form of [pr.answer, String(len), ` / ${len}`, ipaddr.IPv4.subnetMaskFromPrefixLength(len).toString()])
      expect(checkAnswer(pr, form).ok, form).toBe(true);
    const uh = question(3, 0, ['usable-hosts']);
    expect(checkAnswer(uh, ` ${uh.answer} `).ok).toBe(true);
  });

  it('rejects wrong answers and says why, and explains in binary', () => {
    const ws = question(5, 1, ['which-subnet']);
    const [net, p] = ws.answer.split('/');
    expect(checkAnswer(ws, `${net}/${Number(p) - 1}`).ok).toBe(false);
    expect(checkAnswer(ws, `${net}`).feedback).toMatch(/Add the prefix/);
    expect(checkAnswer(ws, '300.1.1.1/24').feedback).toMatch(/not an IPv4 address/);
    expect(checkAnswer(ws, '').ok).toBe(false);
    const wrong = checkAnswer(ws, '1.2.3.0/24');
    expect(wrong.ok).toBe(false);
    expect(wrong.feedback).toContain(ws.answer);
    expect(wrong.feedback).toMatch(/[01]{8}\./);
    const nb = question(5, 1, ['network-broadcast']);
    const [n, b] = nb.answer.split(', ');
    expect(checkAnswer(nb, `${b}, ${n}`).ok).toBe(false);
    expect(checkAnswer(nb, `${n}`).ok).toBe(false);
    const sp = question(5, 1, ['split']);
    expect(checkAnswer(sp, sp.answer.split(', ').slice(1).join(', ')).ok).toBe(false);
    const uh = question(5, 1, ['usable-hosts']);
    expect(checkAnswer(uh, String(Number(uh.answer) + 2)).ok).toBe(false);
    expect(checkAnswer(uh, 'lots').ok).toBe(false);
    const pr = question(5, 1, ['smallest-prefix']);
    expect(checkAnswer(pr, '/33').ok).toBe(false);
    expect(checkAnswer(pr, '255.0.255.0').ok).toBe(false);
  });

  it('tells an unreadable answer (not counted) from a wrong one', () => {
    const ws = question(11, 2, ['which-subnet']);
    expect(checkAnswer(ws, 'no idea').readable).toBe(false);
    expect(checkAnswer(ws, '10.0.0.0/99').readable).toBe(false);
    expect(checkAnswer(ws, '1.2.3.0/24').readable).toBe(true);
    expect(checkAnswer(question(11, 2, ['usable-hosts']), 'many').readable).toBe(false);
  });

  it('writes addresses in binary with the prefix marked', () => {
    expect(binary('10.0.0.77', 27)).toBe('00001010.00000000.00000000.010|01101');
    expect(binary('192.168.1.1', 24)).toBe('11000000.10101000.00000001|00000001');
    expect(binary('192.168.1.1', 32)).toBe('11000000.10101000.00000001.00000001');
  });
});
