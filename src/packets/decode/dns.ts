/** DNS over UDP (port 53, and 5353 for multicast DNS): the header, questions and records, as fields. */
import {bitField, field, hex} from './bytes';
import {className, RCODES, readDns, typeName, type DnsQuestion, type DnsRecord} from './dnswire';
import {addressPrefix, cutShort, lazyLayer, type Context, type Decoded} from './layer';
import type {Field} from '../types';

const OPCODES: Record<number, string> = {
  0: 'standard query',
  1: 'inverse query',
  2: 'status',
  4: 'notify',
  5: 'update',
};
const SECTION_NAMES = ['Answers', 'Authority', 'Additional records'];

function flagFields(flags: number, at: number, response: boolean): Field[] {
  const bit = (name: string, mask: number, yes: string, no: string): Field =>
    bitField(name, flags & mask ? yes : no, flags, 16, mask, at);
  const out = [
    bit('Response', 0x8000, 'Message is a response', 'Message is a query'),
    bitField('Opcode', OPCODES[(flags >> 11) & 15] ?? (flags >> 11) & 15, flags, 16, 0x7800, at),
  ];
  if (response) out.push(bit('Authoritative', 0x0400, 'Yes', 'No'));
  out.push(bit('Truncated', 0x0200, 'Yes', 'No'), bit('Recursion desired', 0x0100, 'Yes', 'No'));
  if (response) out.push(bit('Recursion available', 0x0080, 'Yes', 'No'));
  out.push(bit('Z (reserved)', 0x0040, '1', '0'), bit('Authentic data', 0x0020, 'Yes', 'No'));
  out.push(bit('Checking disabled', 0x0010, 'Yes', 'No'));
  if (response) out.push(bitField('Reply code', RCODES[flags & 15] ?? flags & 15, flags, 16, 0x000f, at));
  return out;
}

function questionField(q: DnsQuestion): Field {
  const t = q.name.end;
  return field(`${q.name.name}`, `type ${typeName(q.type)}, class ${className(q.cls)}`, q.start, q.end, [
    field('Name', q.name.name, q.name.start, t),
    field('Type', `${typeName(q.type)} (${q.type})`, t, t + 2),
    field('Class', `${className(q.cls)} (${hex(q.cls, 4)})`, t + 2, t + 4),
  ]);
}

function recordField(r: DnsRecord): Field {
  const t = r.name.end;
  const opt = r.type === 41;
  const children = [
    field('Name', r.name.name, r.name.start, t),
    field('Type', `${typeName(r.type)} (${r.type})`, t, t + 2),
    opt
      ? field('UDP payload size', r.cls, t + 2, t + 4)
      : field('Class', `${className(r.cls)} (${hex(r.cls, 4)})`, t + 2, t + 4),
    field(opt ? 'Extended flags' : 'Time to live', opt ? hex(r.ttl, 8) : `${r.ttl} s`, t + 4, t + 8),
    field('Data length', r.end - r.dataStart, t + 8, t + 10),
  ];
  if (r.end > r.dataStart) children.push(field(typeName(r.type), r.data, r.dataStart, r.end));
  const value = opt ? r.data : `type ${typeName(r.type)}, class ${className(r.cls)}, ${r.data}`;
  return field(r.name.name, value, r.start, r.end, children);
}

export function decodeDns(ctx: Context, start: number, end: number): Decoded {
  const m = readDns(ctx.bytes, start, end);
  if (!m) return cutShort('DNS', 12, start, end);
  const response = (m.flags & 0x8000) !== 0;
  const rcode = RCODES[m.flags & 15] ?? `RCODE${m.flags & 15}`;
  const fields = (): Field[] => {
    const out: Field[] = [
      field('Transaction ID', hex(m.id, 4), start, start + 2),
      field(
        'Flags',
        `${hex(m.flags, 4)} (${response ? `response, ${rcode}` : 'query'})`,
        start + 2,
        start + 4,
        flagFields(m.flags, start + 2, response),
      ),
      field('Questions', m.counts[0], start + 4, start + 6),
      field('Answer RRs', m.counts[1], start + 6, start + 8),
      field('Authority RRs', m.counts[2], start + 8, start + 10),
      field('Additional RRs', m.counts[3], start + 10, start + 12),
    ];
    if (m.questions.length) {
      const q = m.questions;
      out.push(field('Queries', `${q.length}`, q[0].start, q[q.length - 1].end, q.map(questionField)));
    }
    m.sections.forEach((records, i) => {
      if (!records.length) return;
      const first = records[0].start;
      const last = records[records.length - 1].end;
      out.push(field(SECTION_NAMES[i], `${records.length}`, first, last, records.map(recordField)));
    });
    return out;
  };

  const questions = m.questions.map((q) => ({name: q.name.name, type: typeName(q.type)}));
  const answers = m.sections[0].map((r) => ({name: r.name.name, type: typeName(r.type), ttl: r.ttl, data: r.data}));
  const asked = questions.map((q) => `${q.type} ${q.name}`).join(', ');
  let summary = `${addressPrefix(ctx)}DNS ${response ? 'response' : 'query'} ${hex(m.id, 4)} ${asked}`;
  if (response) {
    const shown = answers.slice(0, 3).map((a) => `${a.type} ${a.data}`);
    if (answers.length > 3) shown.push('…');
    summary += rcode === 'NOERROR' ? `: ${shown.join(', ') || 'no answers'}` : `: ${rcode}`;
  }
  const last = m.sections.flat().at(-1)?.end ?? m.questions.at(-1)?.end ?? start + 12;
  return {
    layer: lazyLayer(
      {
        name: 'Domain Name System',
        summary,
        start,
        end,
        info: {kind: 'dns', id: m.id, response, rcode, questions, answers},
        ...(m.problems.length ? {problems: m.problems} : {}),
      },
      fields,
    ),
    next: last < end && m.problems.length ? {protocol: 'data', start: last, end} : undefined,
  };
}
