import {describe, expect, it} from 'vitest';
import {editPath} from './meta';

describe('editPath', () => {
  it('takes the path from the title or from editInLab=', () => {
    expect(editPath('title="/etc/dnsmasq.conf" editInLab', '/etc/dnsmasq.conf')).toBe('/etc/dnsmasq.conf');
    // As MDX passes it: the title only inside the meta.
    expect(editPath('title="/etc/netns/client/resolv.conf" editInLab', undefined)).toBe(
      '/etc/netns/client/resolv.conf',
    );
    expect(editPath('editInLab=/etc/hosts title="hosts"', 'hosts')).toBe('/etc/hosts');
    expect(editPath('editInLab="/root/my file.conf"', undefined)).toBe('/root/my file.conf');
  });

  it('ignores other blocks and titles that are not paths', () => {
    expect(editPath('title="/etc/hosts"', '/etc/hosts')).toBeNull();
    expect(editPath('editInLabX', '/etc/hosts')).toBeNull();
    expect(editPath('editInLab', 'dnsmasq.conf')).toBeNull();
    expect(editPath(undefined, undefined)).toBeNull();
  });
});
