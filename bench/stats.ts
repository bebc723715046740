/** What the browser benches share: a median, and one JSON line per figure ({"name","value","unit"}). */

/** The middle value (the mean of the two middle ones for an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

// Rounded to what the unit resolves: tenths of a KB, whole milliseconds, milliseconds of a second.
const DECIMALS: Record<string, number> = {KB: 1, ms: 0};

export function emit(name: string, value: number, unit: string): void {
  console.log(JSON.stringify({name, value: Number(value.toFixed(DECIMALS[unit] ?? 3)), unit}));
}
