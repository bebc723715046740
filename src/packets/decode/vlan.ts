/** IEEE 802.1Q VLAN tag (and 802.1ad, whose outer tag has the same layout): PCP, DEI, VLAN ID, EtherType. */
import {bitField, field, named, u16} from './bytes';
import {byEtherType, cutShort, ETHER_TYPES, lazyLayer, type Context, type Decoded} from './layer';

export function decodeVlan(ctx: Context, start: number, end: number): Decoded {
  if (end - start < 4) return cutShort('802.1Q VLAN', 4, start, end);
  const b = ctx.bytes;
  const tpid = ctx.etherType ?? 0x8100;
  const tci = u16(b, start);
  const pcp = tci >> 13;
  const dei = (tci >> 12) & 1;
  const vid = tci & 0x0fff;
  const type = u16(b, start + 2);
  ctx.etherType = type;
  const name = tpid === 0x88a8 ? '802.1ad S-VLAN' : '802.1Q VLAN';
  return {
    layer: lazyLayer(
      {
        name,
        summary: `VLAN ${vid}${pcp ? `, priority ${pcp}` : ''}, ${ETHER_TYPES[type] ?? named(type, 4, ETHER_TYPES)}`,
        start,
        end,
        info: {kind: 'vlan', vid, pcp, etherType: type},
      },
      () => [
        field('Tag control', `VLAN ${vid}, priority ${pcp}`, start, start + 2, [
          bitField('Priority (PCP)', pcp, tci, 16, 0xe000, start),
          bitField('Drop eligible (DEI)', dei, tci, 16, 0x1000, start),
          bitField('VLAN ID', vid, tci, 16, 0x0fff, start),
        ]),
        field('Type', named(type, 4, ETHER_TYPES), start + 2, start + 4),
      ],
    ),
    next: {protocol: byEtherType(type), start: start + 4, end},
  };
}
