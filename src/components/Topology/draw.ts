/**
 * State to SVG in one call, for the page, the grade CLI and the tests. The
 * previous graph (if any) is diffed against the new one so what changed is
 * highlighted.
 */
import type {ELK} from 'elkjs/lib/elk-api';
import type {NetState} from '../../../graders/model';
import {buildGraph, diffGraphs, type GraphChange, type TopoGraph} from './graph';
import {layoutGraph} from './layout';
import {renderSvg} from './svg';

export interface Drawing {
  svg: string;
  graph: TopoGraph;
  change: GraphChange;
}

export async function drawTopology(
  state: NetState,
  elk: ELK,
  opts: {previous?: TopoGraph | null; caption?: string} = {},
): Promise<Drawing> {
  const graph = buildGraph(state);
  const change = diffGraphs(opts.previous ?? null, graph);
  const placed = await layoutGraph(graph, elk);
  return {svg: renderSvg(graph, placed, {change, caption: opts.caption}), graph, change};
}
