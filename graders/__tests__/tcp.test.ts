import {describe, expect, it} from 'vitest';
import {handshakes, type Segment} from '../tcp';

const NO = {fin: false, syn: false, rst: false, psh: false, ack: false, urg: false, ece: false, cwr: false};
let frame = 0;
function seg(dir: 'c2s' | 's2c', flags: Partial<typeof NO>, seq: number, ack = 0, sport = 40000): Segment {
  frame += 1;
  const [src, dst, a, b] = dir === 'c2s' ? ['10.0.0.2', '10.0.0.1', sport, 80] : ['10.0.0.1', '10.0.0.2', 80, sport];
  return {frame, src, dst, sport: a, dport: b, flags: {...NO, ...flags}, seq, ack};
}

describe('handshakes', () => {
  it('finds SYN, SYN-ACK and ACK by their numbers', () => {
    const s = [
      seg('c2s', {syn: true}, 100),
      seg('s2c', {syn: true, ack: true}, 5000, 101),
      seg('c2s', {ack: true}, 101, 5001),
    ];
    expect(handshakes(s)).toEqual([
      {
        client: '10.0.0.2',
        cport: 40000,
        server: '10.0.0.1',
        sport: 80,
        stage: 'complete',
        frames: s.map((x) => x.frame),
      },
    ]);
  });

  it('wraps sequence numbers at 2^32', () => {
    const s = [
      seg('c2s', {syn: true}, 0xffffffff),
      seg('s2c', {syn: true, ack: true}, 0xffffffff, 0),
      seg('c2s', {ack: true}, 0, 0),
    ];
    expect(handshakes(s)[0]?.stage).toBe('complete');
  });

  it('says how far an attempt got: SYN only, reset, or no final ACK', () => {
    expect(handshakes([seg('c2s', {syn: true}, 1)])[0]?.stage).toBe('syn');
    expect(handshakes([seg('c2s', {syn: true}, 1), seg('s2c', {rst: true, ack: true}, 0, 2)])[0]?.stage).toBe('reset');
    expect(handshakes([seg('c2s', {syn: true}, 1), seg('s2c', {syn: true, ack: true}, 9, 2)])[0]?.stage).toBe(
      'syn-ack',
    );
  });

  it('does not take an acknowledgement of the wrong number, or another connection’s, as the answer', () => {
    const wrongAck = [
      seg('c2s', {syn: true}, 1),
      seg('s2c', {syn: true, ack: true}, 9, 7),
      seg('c2s', {ack: true}, 2, 10),
    ];
    expect(handshakes(wrongAck)[0]?.stage).toBe('syn');
    const otherPort = [seg('c2s', {syn: true}, 1), seg('s2c', {syn: true, ack: true}, 9, 2, 40001)];
    expect(handshakes(otherPort)[0]?.stage).toBe('syn');
  });

  it('counts a retransmitted SYN once, and keeps separate connections apart', () => {
    const s = [
      seg('c2s', {syn: true}, 1),
      seg('c2s', {syn: true}, 1),
      seg('c2s', {syn: true}, 50, 0, 40001),
      seg('s2c', {syn: true, ack: true}, 9, 51, 40001),
      seg('c2s', {ack: true}, 51, 10, 40001),
    ];
    expect(handshakes(s).map((a) => [a.cport, a.stage])).toEqual([
      [40000, 'syn'],
      [40001, 'complete'],
    ]);
  });
});
