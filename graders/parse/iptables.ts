/**
 * Parser for iptables-save / iptables-legacy-save output (with or without -c).
 * Written by hand because the format is a shell-quoted argument list per rule
 * and nothing on npm reads it.
 */
import type {ParseOutcome} from '../sections';
import type {IptablesDump, IptOption, IptRule, IptTable} from './iptables-model';

interface Token {
  text: string;
  quoted: boolean;
}

/** Splits one rule line the way a shell would: blanks separate, "..." groups, \" escapes. */
export function tokenize(line: string): ParseOutcome<Token[]> {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= line.length) break;
    let text = '';
    let quoted = false;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') {
      const c = line[i];
      if (c === '"' || c === "'") {
        quoted = true;
        const close = c;
        i++;
        while (i < line.length && line[i] !== close) {
          if (close === '"' && line[i] === '\\' && i + 1 < line.length) i++;
          text += line[i];
          i++;
        }
        if (i >= line.length) return {ok: false, error: `unterminated quote in: ${line}`};
        i++;
      } else if (c === '\\' && i + 1 < line.length) {
        text += line[i + 1];
        i += 2;
      } else {
        text += c;
        i++;
      }
    }
    tokens.push({text, quoted});
  }
  return {ok: true, value: tokens};
}

const BASIC: Record<string, string> = {
  '-s': '-s',
  '--source': '-s',
  '--src': '-s',
  '-d': '-d',
  '--destination': '-d',
  '--dst': '-d',
  '-i': '-i',
  '--in-interface': '-i',
  '-o': '-o',
  '--out-interface': '-o',
  '-p': '-p',
  '--protocol': '-p',
  '-f': '-f',
  '--fragment': '-f',
};

const isOption = (t: Token) => !t.quoted && t.text.startsWith('-') && t.text.length > 1;
const isBang = (t: Token) => !t.quoted && t.text === '!';

const COUNTERS = /^\[(\d+):(\d+)\]$/;

function parseRule(line: string, lineNo: number): ParseOutcome<IptRule> {
  const tok = tokenize(line);
  if (!tok.ok) return {ok: false, error: `line ${lineNo}: ${tok.error}`};
  const tokens = tok.value;
  let i = 0;
  let counters: IptRule['counters'];
  const cm = tokens[0] && COUNTERS.exec(tokens[0].text);
  if (cm) {
    counters = {packets: Number(cm[1]), bytes: Number(cm[2])};
    i++;
  }
  if (tokens[i]?.text !== '-A' || !tokens[i + 1]) {
    return {ok: false, error: `line ${lineNo}: expected "-A <chain>" in: ${line}`};
  }
  const chain = tokens[i + 1].text;
  i += 2;
  const rule: IptRule = {chain, counters, basics: [], matches: [], line};
  // Options after -m belong to that match, after -j/-g to the target.
  let owner: IptOption[] | null = null;
  let negateNext = false;
  while (i < tokens.length) {
    const t = tokens[i];
    if (isBang(t)) {
      negateNext = true;
      i++;
      continue;
    }
    if (!isOption(t)) return {ok: false, error: `line ${lineNo}: unexpected "${t.text}" in: ${line}`};
    const values: string[] = [];
    let j = i + 1;
    while (j < tokens.length && !isOption(tokens[j]) && !isBang(tokens[j])) values.push(tokens[j++].text);
    const name = t.text;
    const negated = negateNext;
    negateNext = false;
    if (name === '-m' || name === '--match') {
      if (values.length !== 1) return {ok: false, error: `line ${lineNo}: "-m" needs one module name in: ${line}`};
      const m = {module: values[0], options: [] as IptOption[]};
      rule.matches.push(m);
      owner = m.options;
    } else if (name === '-j' || name === '--jump' || name === '-g' || name === '--goto') {
      if (values.length !== 1) return {ok: false, error: `line ${lineNo}: "${name}" needs one target in: ${line}`};
      if (rule.target) return {ok: false, error: `line ${lineNo}: two targets in: ${line}`};
      rule.target = {name: values[0], goto: name === '-g' || name === '--goto', options: []};
      owner = rule.target.options;
    } else if (BASIC[name] !== undefined) {
      const short = BASIC[name];
      if (short !== '-f' && values.length !== 1) {
        return {ok: false, error: `line ${lineNo}: "${name}" needs one value in: ${line}`};
      }
      rule.basics.push({name: short, values, negated});
      owner = null;
    } else {
      if (!owner) return {ok: false, error: `line ${lineNo}: option "${name}" outside any -m/-j in: ${line}`};
      owner.push({name: name.replace(/^--?/, ''), values, negated});
    }
    i = j;
  }
  if (negateNext) return {ok: false, error: `line ${lineNo}: "!" with nothing after it in: ${line}`};
  for (const m of rule.matches) {
    if (m.module !== 'comment') continue;
    const c = m.options.find((o) => o.name === 'comment');
    if (c) rule.comment = c.values.join(' ');
  }
  return {ok: true, value: rule};
}

/** Parses a whole dump. Empty input (no tables loaded) is a valid, empty dump. */
export function parseIptablesSave(text: string): ParseOutcome<IptablesDump> {
  const tables: Record<string, IptTable> = {};
  let current: {name: string; table: IptTable} | null = null;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    const lineNo = n + 1;
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('*')) {
      if (current) return {ok: false, error: `line ${lineNo}: table *${current.name} has no COMMIT before ${line}`};
      const name = line.slice(1);
      if (!/^[a-z_]+$/.test(name)) return {ok: false, error: `line ${lineNo}: bad table name "${name}"`};
      current = {name, table: tables[name] ?? {chains: {}, rules: []}};
      continue;
    }
    if (!current) return {ok: false, error: `line ${lineNo}: "${line}" appears outside a table`};
    if (line === 'COMMIT') {
      tables[current.name] = current.table;
      current = null;
    } else if (line.startsWith(':')) {
      const m = /^:(\S+)\s+(\S+)(?:\s+\[(\d+):(\d+)\])?$/.exec(line);
      if (!m) return {ok: false, error: `line ${lineNo}: malformed chain declaration "${line}"`};
      current.table.chains[m[1]] = {
        policy: m[2] === '-' ? null : m[2],
        counters: m[3] !== undefined ? {packets: Number(m[3]), bytes: Number(m[4])} : undefined,
      };
    } else {
      const r = parseRule(line, lineNo);
      if (!r.ok) return r;
      if (!current.table.chains[r.value.chain]) {
        return {
          ok: false,
          error: `line ${lineNo}: rule for chain "${r.value.chain}" that *${current.name} never declares`,
        };
      }
      current.table.rules.push(r.value);
    }
  }
  if (current) return {ok: false, error: `table *${current.name} is missing its COMMIT line (truncated dump?)`};
  return {ok: true, value: {tables}};
}

/** The value of a built-in match such as "-o", or undefined when the rule has none. */
export function basic(rule: IptRule, name: '-s' | '-d' | '-i' | '-o' | '-p'): IptOption | undefined {
  return rule.basics.find((b) => b.name === name);
}
