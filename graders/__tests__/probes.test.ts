import {describe, expect, it} from 'vitest';
import {ProbeDeclSchema, probeLine, probeResult, type ProbeDecl} from '../probes';

const resolve: ProbeDecl = {id: 'web', kind: 'resolve', from: 'client', name: 'web.lab.example'};

describe('resolve probe', () => {
  it('is one collector line: id, kind, namespace, name', () => {
    expect(probeLine(resolve)).toBe('web resolve client web.lab.example');
    expect(probeLine({id: 'r', kind: 'resolve', name: 'web'})).toBe('r resolve . web');
  });

  it('takes a name without blanks only', () => {
    expect(ProbeDeclSchema.safeParse({...resolve, name: 'web lab'}).success).toBe(false);
    expect(ProbeDeclSchema.safeParse(resolve).success).toBe(true);
  });

  it("reads getent ahostsv4's addresses once each, and the canonical name", () => {
    const out = [
      '10.0.0.80       STREAM web.lab.example',
      '10.0.0.80       DGRAM  ',
      '10.0.0.80       RAW    ',
      '10.0.0.90       STREAM ',
      '10.0.0.90       DGRAM  ',
    ].join('\n');
    const r = probeResult({...resolve, name: 'web'}, 0, out);
    expect(r).toMatchObject({
      ok: true,
      exitCode: 0,
      answers: ['10.0.0.80', '10.0.0.90'],
      canonicalName: 'web.lab.example',
    });
  });

  it('fails on a name that does not resolve (getent exits 2, prints nothing)', () => {
    expect(probeResult(resolve, 2, '')).toMatchObject({ok: false, answers: []});
    expect(probeResult(resolve, 2, '').canonicalName).toBeUndefined();
  });

  it('does not take error text for an answer', () => {
    const r = probeResult(resolve, 1, 'Cannot open network namespace "client": No such file or directory');
    expect(r).toMatchObject({ok: false, answers: []});
    // timeout(1) exits 124 when the resolver hangs: no answer even if a line came out.
    expect(probeResult(resolve, 124, '10.0.0.80       STREAM web.lab.example').ok).toBe(false);
  });
});

describe('dns probe', () => {
  it('keeps the answer lines of dig +short or drill -Q', () => {
    const d: ProbeDecl = {id: 'd', kind: 'dns', from: 'client', server: '10.0.0.53', name: 'db.lab.example'};
    expect(probeLine(d)).toBe('d dns client 10.0.0.53 db.lab.example A');
    expect(probeResult(d, 0, '10.0.0.81\n')).toMatchObject({ok: true, answers: ['10.0.0.81']});
    expect(probeResult(d, 9, ';; connection timed out; no servers could be reached')).toMatchObject({
      ok: false,
      answers: [],
    });
  });
});

describe('ping probe options', () => {
  const ping = (extra: object) => ProbeDeclSchema.parse({id: 'p', kind: 'ping', from: 'a', to: '10.0.0.2', ...extra});

  it('keeps the plain line when no option is given, so older declarations send the same words', () => {
    expect(probeLine(ping({}))).toBe('p ping a 10.0.0.2');
  });

  it('passes the payload size after the target', () => {
    expect(probeLine(ping({size: 1472}))).toBe('p ping a 10.0.0.2 1472');
  });

  it('passes "do" for DF, with "-" standing for the default size', () => {
    expect(probeLine(ping({size: 1472, dontFragment: true}))).toBe('p ping a 10.0.0.2 1472 do');
    expect(probeLine(ping({dontFragment: true}))).toBe('p ping a 10.0.0.2 - do');
  });

  it('rejects sizes no IPv4 packet can carry', () => {
    expect(() => ping({size: 65508})).toThrow();
    expect(() => ping({size: -1})).toThrow();
  });
});
