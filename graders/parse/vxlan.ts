/**
 * VXLAN details in `ip -j -d link` (linkinfo.info_data of kind "vxlan"), kept
 * apart from iproute.ts so other device kinds can grow their own files.
 * iproute2 6.1 prints `id` (the VNI), `port` (the UDP destination port, 8472
 * when `dstport` was not given), `remote` or `group`, `local`, `link` (the
 * underlay device), `learning`, and `external` only when set.
 */
import {z} from 'zod';
import type {Vxlan} from '../model';

export const RawVxlanData = z.object({
  id: z.number().optional(),
  port: z.number().optional(),
  remote: z.string().optional(),
  group: z.string().optional(),
  local: z.string().optional(),
  link: z.string().optional(),
  learning: z.boolean().optional(),
  external: z.boolean().optional(),
});
export type RawVxlanData = z.infer<typeof RawVxlanData>;

/** The typed VXLAN fields of a link of kind "vxlan"; undefined for every other kind. */
export function vxlanOf(kind: string | undefined, data: RawVxlanData | undefined): Vxlan | undefined {
  if (kind !== 'vxlan' || data === undefined) return undefined;
  return {
    // An `external` (collect_metadata) device has no VNI of its own: the FDB or a route gives it.
    vni: data.id,
    port: data.port ?? 8472,
    remote: data.remote,
    group: data.group,
    local: data.local,
    dev: data.link,
    learning: data.learning ?? true,
    external: data.external ?? false,
  };
}
