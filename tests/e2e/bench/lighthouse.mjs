// Lighthouse, mobile (its default configuration), on the first view `/`
// (issue 15, measure 2): the four category scores, LCP, time to interactive
// and total byte weight, each the median of BENCH_LIGHTHOUSE_RUNS runs (3).
// Lighthouse throttles by simulation (150 ms, 1.6 Mbit/s, CPU 4x slower), so
// its times are estimates for a mid-range phone, not what this machine saw.
import { runLighthouse } from '../lib/lighthouse.mjs';
import { figure, fmt, median } from '../lib/bench-figures.mjs';

export const order = 40;
export const rounds = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3));

export async function sample(browser, baseUrl) {
  return runLighthouse(`${baseUrl}/`);
}

const atLeast = (min) => (n) => n >= min;

export function rows(samples) {
  const n = samples.length;
  const of = (f) => median(samples.map(f));
  const score = (key, min) => figure(`Lighthouse mobile: ${key} score (median of ${n})`, of((s) => s.scores[key]), fmt.int,
    min === 100 ? '100' : `≥ ${min}`, atLeast(min));
  return [
    score('performance', 98),
    score('accessibility', 100),
    score('best-practices', 100),
    score('seo', 100),
    figure(`Lighthouse mobile: largest contentful paint (median of ${n})`, of((s) => s.lcpMs), fmt.s),
    figure(`Lighthouse mobile: time to interactive (median of ${n})`, of((s) => s.ttiMs), fmt.s),
    figure(`Lighthouse mobile: total byte weight (median of ${n})`, of((s) => s.totalBytes), fmt.kb),
    figure('Lighthouse: requests to any other host', Math.max(...samples.map((s) => s.foreign.length)), fmt.int, '0', (x) => x === 0),
  ];
}

export function notes(samples) {
  const [first] = samples;
  const t = first.throttling;
  const foreign = [...new Set(samples.flatMap((s) => s.foreign))];
  const warnings = [...new Set(samples.flatMap((s) => s.warnings))];
  return [
    `Lighthouse ${first.version}, ${first.formFactor}, simulated ${t.rttMs} ms / ${t.throughputKbps} Kbit/s / CPU ${t.cpuSlowdownMultiplier}x; performance scores ${samples.map((s) => s.scores.performance).join(', ')}; CPU benchmark index ${samples.map((s) => Math.round(s.benchmarkIndex)).join(', ')}`,
    ...(foreign.length ? [`Lighthouse: requests to other hosts: ${foreign.join(', ')}`] : []),
    ...warnings.map((w) => `Lighthouse warning: ${w}`),
  ];
}
