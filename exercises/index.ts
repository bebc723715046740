/**
 * Registry of every exercise: id -> definition. Explicit on purpose so the
 * site and the tests see exactly what exists; `npm run check:exercises`
 * fails when a folder under exercises/ is missing here.
 */
import type { Exercise } from "../graders/exercise";
import gatewayOnBridge from "./bridges/gateway-on-bridge/exercise";
import masquerade from "./nat/masquerade/exercise";
import twoNamespaces from "./bridges/two-namespaces/exercise";
import vlanAwareBridge from "./vlans/vlan-aware-bridge/exercise";

export const exercises: Readonly<Record<string, Exercise>> = {
  [twoNamespaces.id]: twoNamespaces,
  [gatewayOnBridge.id]: gatewayOnBridge,
  [vlanAwareBridge.id]: vlanAwareBridge,
  [masquerade.id]: masquerade,
};

export function getExercise(id: string): Exercise | undefined {
  return exercises[id];
}
