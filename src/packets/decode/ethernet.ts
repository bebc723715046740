/** Ethernet II (IEEE 802.3 with a type field): destination, source, EtherType. */
import {field, mac, named, u16} from './bytes';
import {byEtherType, cutShort, ETHER_TYPES, type Decoded, type Context} from './layer';

export function decodeEthernet(ctx: Context, start: number, end: number): Decoded {
  if (end - start < 14) return cutShort('Ethernet', 14, start, end);
  const b = ctx.bytes;
  const dst = mac(b, start);
  const src = mac(b, start + 6);
  const type = u16(b, start + 12);
  const fields = [field('Destination', dst, start, start + 6), field('Source', src, start + 6, start + 12)];
  // Values up to 1500 are an 802.3 length (LLC frames such as STP), not a type.
  if (type <= 1500) {
    fields.push(field('Length', type, start + 12, start + 14));
    return {
      layer: {
        name: 'IEEE 802.3 Ethernet',
        summary: `${src} → ${dst} 802.3, length ${type}`,
        start,
        end,
        fields,
        info: {kind: 'eth', src, dst, etherType: type},
      },
      next: {protocol: 'data', start: start + 14, end: Math.min(end, start + 14 + type)},
    };
  }
  ctx.etherType = type;
  fields.push(field('Type', named(type, 4, ETHER_TYPES), start + 12, start + 14));
  return {
    layer: {
      name: 'Ethernet II',
      summary: `${src} → ${dst} ${ETHER_TYPES[type] ?? named(type, 4, ETHER_TYPES)}`,
      start,
      end,
      fields,
      info: {kind: 'eth', src, dst, etherType: type},
    },
    next: {protocol: byEtherType(type), start: start + 14, end},
  };
}
