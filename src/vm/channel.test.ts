import {describe, expect, it} from 'vitest';
import {ControlChannel} from './channel';
import {ExecTimeoutError, VmUnavailableError} from './types';

describe('the control channel', () => {
  it('drops a request that timed out before the guest could take it, and sends the next', async () => {
    const sent: Uint8Array[] = [];
    let guestReady = false;
    const channel = new ControlChannel();
    channel.attach({canReceive: () => guestReady, send: (bytes) => sent.push(bytes)});
    await expect(channel.exec('knock-1', {timeoutMs: 10})).rejects.toBeInstanceOf(ExecTimeoutError);
    await expect(channel.exec('knock-2', {timeoutMs: 10})).rejects.toBeInstanceOf(ExecTimeoutError);
    guestReady = true;
    const later = channel.exec('wanted', {timeoutMs: 60_000});
    while (sent.length === 0) await new Promise((r) => setTimeout(r, 2));
    const text = sent.map((b) => new TextDecoder().decode(b)).join('');
    expect(text).toContain('wanted');
    expect(text).not.toContain('knock');
    channel.close(new VmUnavailableError('done'));
    await expect(later).rejects.toBeInstanceOf(VmUnavailableError);
  });
});
