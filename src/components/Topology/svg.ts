/**
 * Draws a laid-out topology as an SVG string: the same text is inlined in the
 * Lab's Topology tab and written to a file by `npm run grade -- --svg`.
 * Colours are CSS variables with light-theme fallbacks, so the file reads on
 * its own and the page re-themes it (styles.module.css sets them for dark).
 * Every string from the VM is escaped: interface names are the learner's.
 */
import type {GraphChange, TopoGraph, TopoNamespace, TopoPort, TopoSwitch} from './graph';
import {CHAR_W, FONT_SIZE, HEADER_H, LINE_H, type Box, type Placed} from './layout';

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'})[c] ?? c);
}

const STYLE = `
.nlt{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:${FONT_SIZE}px}
.nlt text{fill:var(--nlt-text,#1c1e21)}
.nlt .nlt-muted{fill:var(--nlt-muted,#57606a)}
.nlt .nlt-ns>rect{fill:var(--nlt-ns,#f6f8fa);stroke:var(--nlt-ns-border,#8c959f);stroke-width:1.2}
.nlt .nlt-ns.nlt-root>rect{fill:var(--nlt-root,#eef4fb)}
.nlt .nlt-ns .nlt-ns>rect{fill:var(--nlt-inner,#ffffff)}
.nlt .nlt-switch>rect{fill:var(--nlt-switch,#e3ecfa);stroke:var(--nlt-switch-border,#2f6fdb);stroke-width:1.5}
.nlt .nlt-port>rect{fill:var(--nlt-port,#ffffff);stroke:var(--nlt-port-border,#6e7781);stroke-width:1.2}
.nlt .nlt-down>rect,.nlt .nlt-nocarrier>rect{stroke:var(--nlt-bad,#d1242f);stroke-dasharray:5 3;stroke-width:2}
.nlt .nlt-quiet>rect{stroke-dasharray:2 2}
.nlt .nlt-bad{fill:var(--nlt-bad,#d1242f);font-weight:bold}
.nlt .nlt-name{font-weight:bold}
.nlt .nlt-edge{fill:none;stroke:var(--nlt-cable,#24292f);stroke-width:2}
.nlt .nlt-edge.nlt-tunnel{stroke:var(--nlt-tunnel,#8250df);stroke-dasharray:10 3 2 3}
.nlt .nlt-edge.nlt-lower{stroke:var(--nlt-muted,#57606a);stroke-width:1;stroke-dasharray:2 3}
.nlt .nlt-edge.nlt-down{stroke:var(--nlt-bad,#d1242f);stroke-dasharray:6 4}
.nlt .nlt-changed>rect,.nlt .nlt-edge.nlt-changed{stroke:var(--nlt-changed,#e8a200);stroke-width:3.5}
.nlt .nlt-label,.nlt .nlt-bg{fill:var(--nlt-bg,#ffffff)}
.nlt .nlt-label{opacity:.9}
`;

interface Ctx {
  placed: Placed;
  change: GraphChange;
  out: string[];
}

function classes(...cs: (string | false | undefined)[]): string {
  return cs.filter(Boolean).join(' ');
}

function text(x: number, y: number, s: string, cls?: string): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${cls ? ` class="${cls}"` : ''}>${escapeXml(s)}</text>`;
}

function rect(b: Box, rx: number): string {
  const f = (n: number) => n.toFixed(1);
  return `<rect x="${f(b.x)}" y="${f(b.y)}" width="${f(b.width)}" height="${f(b.height)}" rx="${rx}"/>`;
}

/** Name on the first line, then the port's lines; the state word in red when it is not up. */
function portLines(b: Box, p: TopoPort, top: number): string[] {
  const out = [text(b.x + 8, top, p.name, 'nlt-name')];
  p.lines.forEach((line, i) => {
    const bad = i === 0 && p.state !== 'up' && !p.quiet;
    out.push(text(b.x + 8, top + LINE_H * (i + 1), line, bad ? 'nlt-bad' : i === 0 ? 'nlt-muted' : undefined));
  });
  return out;
}

function drawPort(ctx: Ctx, p: TopoPort): void {
  const b = ctx.placed.boxes.get(p.id);
  if (!b) return;
  const cls = classes(
    'nlt-port',
    p.quiet ? 'nlt-quiet' : p.state !== 'up' && `nlt-${p.state}`,
    ctx.change.changed.has(p.id) && 'nlt-changed',
  );
  ctx.out.push(
    `<g class="${cls}" data-id="${escapeXml(p.id)}"><title>${escapeXml(p.title)}</title>${rect(b, 4)}`,
    ...portLines(b, p, b.y + 8 + FONT_SIZE),
    '</g>',
  );
}

function drawSwitch(ctx: Ctx, s: TopoSwitch): void {
  const b = ctx.placed.boxes.get(s.id);
  if (!b) return;
  const cls = classes(
    'nlt-switch',
    s.state !== 'up' && `nlt-${s.state}`,
    ctx.change.changed.has(s.id) && 'nlt-changed',
  );
  ctx.out.push(
    `<g class="${cls}" data-id="${escapeXml(s.id)}"><title>${escapeXml(s.title)}</title>${rect(b, 8)}`,
    ...portLines(b, s, b.y + 8 + FONT_SIZE),
    '</g>',
  );
  // Ports after the switch's own group, so their hover text is their own.
  for (const p of s.ports) drawPort(ctx, p);
}

function drawNamespace(ctx: Ctx, n: TopoNamespace, root: boolean): void {
  const b = ctx.placed.boxes.get(n.id);
  if (!b) return;
  const cls = classes('nlt-ns', root && 'nlt-root', ctx.change.changed.has(n.id) && 'nlt-changed');
  ctx.out.push(
    `<g class="${cls}" data-id="${escapeXml(n.id)}"><title>${escapeXml(n.title)}</title>${rect(b, 10)}`,
    text(b.x + 12, b.y + HEADER_H / 2 + FONT_SIZE / 2 + 2, n.label, 'nlt-name'),
  );
  for (const c of n.children) drawNamespace(ctx, c, false);
  ctx.out.push('</g>');
  for (const s of n.switches) drawSwitch(ctx, s);
  for (const p of n.ports) drawPort(ctx, p);
}

function drawEdges(ctx: Ctx): void {
  for (const {edge, points, label} of ctx.placed.edges) {
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    const cls = classes(
      'nlt-edge',
      `nlt-${edge.kind}`,
      edge.down && 'nlt-down',
      ctx.change.changed.has(edge.id) && 'nlt-changed',
    );
    const what =
      edge.kind === 'veth' ? 'veth pair' : edge.kind === 'tunnel' ? 'VXLAN tunnel' : (edge.label ?? 'lower device');
    const title = `${what}: ${edge.from.slice(3)} ↔ ${edge.to.slice(3)}${edge.down ? ' (an end is down)' : ''}`;
    ctx.out.push(
      `<path class="${cls}" data-id="${escapeXml(edge.id)}" d="${d}"><title>${escapeXml(title)}</title></path>`,
    );
    if (label && edge.label) {
      ctx.out.push(
        `<rect class="nlt-label" x="${label.x.toFixed(1)}" y="${label.y.toFixed(1)}" width="${label.width.toFixed(1)}" height="${label.height.toFixed(1)}"/>`,
        text(label.x + 3, label.y + label.height - 3, edge.label, 'nlt-muted'),
      );
    }
  }
}

const LEGEND = [
  'Cable: veth pair',
  'Red dashed: down or no carrier',
  'Purple: VXLAN tunnel',
  'Orange: changed since the last drawing',
];

export interface SvgOptions {
  change?: GraphChange;
  /** A line above the drawing, e.g. the exercise and case a snapshot records. */
  caption?: string;
}

export function renderSvg(graph: TopoGraph, placed: Placed, opts: SvgOptions = {}): string {
  const change = opts.change ?? {changed: new Set<string>(), removed: []};
  const ctx: Ctx = {placed, change, out: []};
  for (const n of graph.namespaces) drawNamespace(ctx, n, n.id === 'ns:.');
  drawEdges(ctx);
  const notes = [
    ...(opts.caption ? [opts.caption] : []),
    LEGEND.join(' · '),
    ...(change.removed.length ? [`Gone since the last drawing: ${change.removed.join(', ')}`] : []),
  ];
  const top = notes.length * LINE_H + 8;
  const width = Math.max(placed.width, Math.max(...notes.map((n) => n.length)) * CHAR_W + 24);
  const height = placed.height + top;
  const noteText = notes.map((n, i) => text(12, 14 + i * LINE_H, n, 'nlt-muted'));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="nlt" role="img" aria-label="Network topology" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}">`,
    `<style>${STYLE}</style>`,
    // Opaque, so the file reads in a dark image viewer too; the page sets --nlt-bg to its own background.
    '<rect class="nlt-bg" width="100%" height="100%"/>',
    ...noteText,
    `<g transform="translate(0,${top})">`,
    ...ctx.out,
    '</g></svg>',
  ].join('\n');
}
