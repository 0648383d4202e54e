// What the benchmark's parts share: how many cold loads, medians, the
// formats of figures, and the row a part returns for the table.
//
//   import { LOADS, median, fmt, figure } from '../lib/bench-figures.mjs';
//   figure('time to interactive, loopback', median(ttis), fmt.ms, '≤ 300 ms', (n) => n <= 300)
//   // -> { measure, n, format, value: '287 ms', budget: '≤ 300 ms', ok: true }
//
// Timing is never pass/fail: `ok` only fills the table's "met" column.

// Cold loads per measure and build (BENCH_LOADS to change it).
export const LOADS = Math.max(1, Number(process.env.BENCH_LOADS ?? 5));

// The middle value (the upper one of an even count), NaN for none.
export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

export const fmt = {
  ms: (n) => `${n.toFixed(0)} ms`,
  ms1: (n) => `${n.toFixed(1)} ms`,
  s: (n) => `${(n / 1000).toFixed(2)} s`,
  kb: (n) => `${(n / 1024).toFixed(1)} KB`,
  int: (n) => `${Math.round(n)}`,
};

// A row of the table. `within(n)` says whether the budget is met; without
// it the row has no verdict.
export function figure(measure, n, format, budget = '', within = undefined) {
  const known = Number.isFinite(n);
  return {
    measure,
    n: known ? n : undefined,
    format,
    value: known ? format(n) : 'n/a',
    budget,
    ok: within === undefined || !known ? '' : within(n),
  };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
