import {describe, expect, it} from 'vitest';
import {parseCniConfig, pluginError, resultAddresses} from '../cni';
import {parseCniProbe} from '../parse/cni';
import {recordedSection} from './recorded';

// What the `cni` probe saw in the lab's recorded cases (real plugin output from the VM).
const LAB = 'kubernetes/cni-add-a-pod';
const probe = (caseFile: string) => {
  const p = parseCniProbe(recordedSection(LAB, caseFile, '.', 'probe.runtime'));
  if (!p) throw new Error(`${caseFile}: no cni probe output`);
  return p;
};

describe('parseCniConfig', () => {
  it('reads a single bridge plugin with host-local "ranges"', () => {
    const cfg = parseCniConfig(probe('solution').config);
    expect(cfg).toMatchObject({
      name: 'node1',
      list: false,
      types: ['bridge'],
      bridge: {name: 'cni0', isGateway: true, ipamType: 'host-local', routes: ['0.0.0.0/0']},
    });
    expect(typeof cfg !== 'string' && cfg.bridge?.ranges).toEqual([{subnet: '10.244.1.0/24'}]);
  });

  it('reads a .conflist: plugin order, the older "subnet" form', () => {
    const cfg = parseCniConfig(probe('alternative--conflist-portmap').config);
    expect(cfg).toMatchObject({name: 'k8s-pod-network', list: true, types: ['bridge', 'portmap']});
    expect(typeof cfg !== 'string' && cfg.bridge?.ranges).toEqual([{subnet: '10.244.1.0/24'}]);
  });

  it('keeps rangeStart/rangeEnd and dataDir', () => {
    const cfg = parseCniConfig(probe('alternative--runtime-script').config);
    expect(typeof cfg !== 'string' && cfg.bridge).toMatchObject({
      ranges: [{subnet: '10.244.1.0/24', rangeStart: '10.244.1.10', rangeEnd: '10.244.1.254'}],
      dataDir: '/var/lib/cni/ipam',
    });
  });

  it('names static IPAM and another bridge', () => {
    const st = parseCniConfig(probe('near-miss--static-ipam').config);
    expect(typeof st !== 'string' && st.bridge?.ipamType).toBe('static');
    const cbr = parseCniConfig(probe('near-miss--wrong-bridge').config);
    expect(typeof cbr !== 'string' && cbr.bridge?.name).toBe('cbr0');
  });

  it('defaults the bridge name to cni0, as the plugin does', () => {
    const cfg = parseCniConfig('{"type": "bridge", "ipam": {"type": "host-local", "subnet": "10.244.1.0/24"}}');
    expect(typeof cfg !== 'string' && cfg.bridge?.name).toBe('cni0');
  });

  it('says why a text is not a config', () => {
    expect(parseCniConfig('{"type": "bridge",}')).toMatch(/not valid JSON/);
    expect(parseCniConfig('[1]')).toBe('it is not a JSON object');
  });
});

describe('plugin output', () => {
  it('reads the address of an ADD result', () => {
    expect(resultAddresses(probe('solution').add.output)).toEqual(['10.244.1.3']);
    expect(resultAddresses(probe('alternative--runtime-script').add.output)).toEqual(['10.244.1.11']);
  });

  it('turns an error object into one line', () => {
    expect(pluginError(probe('near-miss--one-address-range').add.output)).toBe(
      'code 999: failed to allocate for range 0: no IP addresses available in range set: 10.244.1.2-10.244.1.2',
    );
    expect(pluginError(probe('near-miss--node2-subnet').add.output)).toMatch(/"cni0" already has an IP address/);
  });

  it('keeps text that is not an error object', () => {
    expect(pluginError('')).toBe('(no output)');
    expect(pluginError('timeout: sending signal')).toBe('timeout: sending signal');
    expect(resultAddresses('not json')).toEqual([]);
  });
});
