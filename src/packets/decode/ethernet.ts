/** Ethernet II (IEEE 802.3 with a type field): destination, source, EtherType. */
import {field, mac, named, u16} from './bytes';
import {byEtherType, cutShort, ETHER_TYPES, lazyLayer, type Context, type Decoded} from './layer';

export function decodeEthernet(ctx: Context, start: number, end: number): Decoded {
  if (end - start < 14) return cutShort('Ethernet', 14, start, end);
  const b = ctx.bytes;
  const dst = mac(b, start);
  const src = mac(b, start + 6);
  const type = u16(b, start + 12);
  // Values up to 1500 are an 802.3 length (LLC frames such as STP), not a type.
  const llc = type <= 1500;
  const fields = () => [
    field('Destination', dst, start, start + 6),
    field('Source', src, start + 6, start + 12),
    llc
      ? field('Length', type, start + 12, start + 14)
      : field('Type', named(type, 4, ETHER_TYPES), start + 12, start + 14),
  ];
  const info = {kind: 'eth' as const, src, dst, etherType: type};
  if (llc) {
    return {
      layer: lazyLayer(
        {name: 'IEEE 802.3 Ethernet', summary: `${src} → ${dst} 802.3, length ${type}`, start, end, info},
        fields,
      ),
      next: {protocol: 'data', start: start + 14, end: Math.min(end, start + 14 + type)},
    };
  }
  ctx.etherType = type;
  const summary = `${src} → ${dst} ${ETHER_TYPES[type] ?? named(type, 4, ETHER_TYPES)}`;
  return {
    layer: lazyLayer({name: 'Ethernet II', summary, start, end, info}, fields),
    next: {protocol: byEtherType(type), start: start + 14, end},
  };
}
