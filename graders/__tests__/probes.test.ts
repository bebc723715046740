import {describe, expect, it} from 'vitest';
import {ProbeDeclSchema, probeLine} from '../probes';

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
