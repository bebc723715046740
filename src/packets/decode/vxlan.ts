/** VXLAN (RFC 7348): an 8-byte header with the network identifier, then a whole Ethernet frame. */
import {bitField, field, hex, u24} from './bytes';
import {cutShort, type Context, type Decoded, lazyLayer} from './layer';

export function decodeVxlan(ctx: Context, start: number, end: number): Decoded {
  if (end - start < 8) return cutShort('VXLAN', 8, start, end);
  const b = ctx.bytes;
  const flags = b[start];
  const vni = u24(b, start + 4);
  const problems = (flags & 0x08) === 0 ? ['the I flag is not set, so the VNI is not valid'] : [];
  return {
    layer: lazyLayer(
      {
        name: 'Virtual eXtensible Local Area Network',
        summary: `VXLAN VNI ${vni}`,
        start,
        end,
        info: {kind: 'vxlan', vni},
        ...(problems.length ? {problems} : {}),
      },
      () => [
        field('Flags', hex(flags, 2), start, start + 1, [
          bitField('VNI valid (I)', flags & 0x08 ? 'Set' : 'Not set', flags, 8, 0x08, start),
        ]),
        field('Reserved', hex(u24(b, start + 1), 6), start + 1, start + 4),
        field('VXLAN network identifier (VNI)', vni, start + 4, start + 7),
        field('Reserved', hex(b[start + 7], 2), start + 7, start + 8),
      ],
    ),
    next: end > start + 8 ? {protocol: 'ethernet', start: start + 8, end} : undefined,
  };
}
