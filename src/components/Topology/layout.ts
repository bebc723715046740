/**
 * Hands the topology graph to ELK (layered, left to right, hierarchical so
 * cables cross namespace boxes) and reads back absolute positions. The ELK
 * instance is passed in: the page imports elkjs lazily, Node imports it
 * directly. Text is measured by counting characters of a monospace font, so
 * no DOM is needed.
 */
import type {ELK, ElkExtendedEdge, ElkNode} from 'elkjs/lib/elk-api';
import type {TopoEdge, TopoGraph, TopoNamespace, TopoPort, TopoSwitch} from './graph';

export const FONT_SIZE = 11;
/** Width of one character of the monospace font at FONT_SIZE, with a little slack. */
export const CHAR_W = 6.8;
export const LINE_H = 14;
const PAD = 8;
export const HEADER_H = 24;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  edge: TopoEdge;
  points: {x: number; y: number}[];
  label?: Box;
}

export interface Placed {
  width: number;
  height: number;
  boxes: Map<string, Box>;
  edges: PlacedEdge[];
}

const textWidth = (lines: string[]) => Math.max(...lines.map((l) => l.length)) * CHAR_W + 2 * PAD;

export function portSize(p: TopoPort): {width: number; height: number} {
  return {width: Math.max(90, textWidth([p.name, ...p.lines])), height: PAD + LINE_H * (1 + p.lines.length) + 4};
}

/** Room at the top of a switch for its own name and lines. */
export const switchHeader = (s: TopoSwitch) => LINE_H * (1 + s.lines.length) + PAD + 6;

function portNode(p: TopoPort): ElkNode {
  return {id: p.id, ...portSize(p)};
}

function switchNode(s: TopoSwitch): ElkNode {
  const top = switchHeader(s);
  return {
    id: s.id,
    layoutOptions: {
      'elk.padding': `[top=${top},left=${PAD},bottom=${PAD},right=${PAD}]`,
      'elk.nodeSize.constraints': 'MINIMUM_SIZE',
      'elk.nodeSize.minimum': `(${textWidth([s.name, ...s.lines])}, ${top + PAD})`,
    },
    // A switch with no ports yet still needs its own box.
    children: s.ports.map(portNode),
    ...(s.ports.length ? {} : {width: textWidth([s.name, ...s.lines]), height: top}),
  };
}

function nsNode(n: TopoNamespace): ElkNode {
  return {
    id: n.id,
    layoutOptions: {
      'elk.padding': `[top=${HEADER_H + 6},left=12,bottom=12,right=12]`,
      'elk.nodeSize.constraints': 'MINIMUM_SIZE',
      'elk.nodeSize.minimum': `(${n.label.length * CHAR_W + 24}, ${HEADER_H + 30})`,
    },
    children: [...n.switches.map(switchNode), ...n.ports.map(portNode), ...n.children.map(nsNode)],
  };
}

const LABEL_H = LINE_H;

export async function layoutGraph(graph: TopoGraph, elk: ELK): Promise<Placed> {
  const edges: ElkExtendedEdge[] = graph.edges.map((e) => ({
    id: e.id,
    sources: [e.from],
    targets: [e.to],
    ...(e.label ? {labels: [{text: e.label, width: e.label.length * CHAR_W + 6, height: LABEL_H}]} : {}),
  }));
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '40',
      'elk.spacing.nodeNode': '18',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      // Keep h1, h2, h3 in the order the state lists them when nothing forces otherwise.
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
      // Absolute coordinates everywhere: the renderer need not add up parents' offsets.
      'elk.json.shapeCoords': 'ROOT',
      'elk.json.edgeCoords': 'ROOT',
    },
    children: graph.namespaces.map(nsNode),
    edges,
  };
  const out = await elk.layout(root);
  const boxes = new Map<string, Box>();
  const walk = (n: ElkNode) => {
    boxes.set(n.id, {x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0});
    for (const c of n.children ?? []) walk(c);
  };
  for (const c of out.children ?? []) walk(c);
  const byId = new Map(graph.edges.map((e) => [e.id, e]));
  const placed: PlacedEdge[] = [];
  const collect = (n: ElkNode) => {
    for (const e of n.edges ?? []) {
      const edge = byId.get(e.id);
      const s = e.sections?.[0];
      if (!edge || !s) continue;
      const l = e.labels?.[0];
      placed.push({
        edge,
        points: [s.startPoint, ...(s.bendPoints ?? []), s.endPoint],
        ...(l ? {label: {x: l.x ?? 0, y: l.y ?? 0, width: l.width ?? 0, height: l.height ?? 0}} : {}),
      });
    }
    for (const c of n.children ?? []) collect(c);
  };
  collect(out);
  return {width: out.width ?? 0, height: out.height ?? 0, boxes, edges: placed};
}
