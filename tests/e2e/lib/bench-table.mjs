// Markdown tables of the benchmark: one build (value, budget, met) or two
// builds side by side (before, after, the change, budget, met for each).
//
//   console.log(measureTable([{ label: 'before', rows }, { label: 'after', rows }]));
//   console.log(filesTable([{ label: 'before', files }, { label: 'after', files }]));
//
// Rows are joined on their `measure` text, so a part names a measure the
// same way whatever it measured.

function markdown(header, rows) {
  const widths = header.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length), 3));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const verdict = (ok) => (ok === true ? 'yes' : ok === false ? 'NO' : '');

// "+12.3 KB (+2.1%)", "−40 ms (−12.0%)", "0 ms".
function change(before, after) {
  if (!before || !after || before.n === undefined || after.n === undefined || !after.format) return '';
  const d = after.n - before.n;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '';
  const pct = before.n !== 0 ? ` (${sign}${Math.abs((d / before.n) * 100).toFixed(1)}%)` : '';
  return `${sign}${after.format(Math.abs(d))}${pct}`;
}

// Every measure in the order the builds first name it.
function measures(builds) {
  const seen = new Map();
  for (const { rows } of builds) for (const r of rows) if (!seen.has(r.measure)) seen.set(r.measure, seen.size);
  return [...seen.keys()];
}

export function measureTable(builds) {
  const names = measures(builds);
  const find = (b, name) => b.rows.find((r) => r.measure === name);
  if (builds.length === 1) {
    return markdown(['measure', 'value', 'budget', 'met'], names.map((name) => {
      const r = find(builds[0], name);
      return [name, r.value, r.budget ?? '', verdict(r.ok)];
    }));
  }
  const [b, a] = builds;
  return markdown(['measure', b.label, a.label, 'change', 'budget', `met (${b.label} / ${a.label})`], names.map((name) => {
    const rb = find(b, name);
    const ra = find(a, name);
    const met = [rb, ra].map((r) => (r ? verdict(r.ok) : '—'));
    return [
      name,
      rb?.value ?? '—',
      ra?.value ?? '—',
      change(rb, ra),
      ra?.budget || rb?.budget || '',
      met.some((m) => m && m !== '—') ? met.join(' / ') : '',
    ];
  }));
}

const kb = (n) => (n === undefined ? '—' : (n / 1024).toFixed(1));

// Files by their name without Trunk's content hash (`main-1a2b….css` is
// `main.css`), so two builds' files line up.
export const stableName = (name) => name.replace(/-[0-9a-f]{1,16}(?=(_bg)?\.[a-z0-9]+$)/, '');

export function filesTable(builds) {
  const names = [...new Set(builds.flatMap((b) => b.files.map((f) => stableName(f.name))))].sort();
  const pick = (b, name) => b.files.find((f) => stableName(f.name) === name);
  const total = (b, key) => b.files.reduce((s, f) => s + f[key], 0);
  if (builds.length === 1) {
    const [b] = builds;
    const rows = b.files.map((f) => [f.name, kb(f.raw), kb(f.gzip)]);
    rows.push(['total', kb(total(b, 'raw')), kb(total(b, 'gzip'))]);
    return markdown(['file', 'raw KB', 'gzip KB'], rows);
  }
  const header = ['file (hash left out)', ...builds.flatMap((b) => [`${b.label} raw KB`, `${b.label} gzip KB`])];
  const rows = names.map((name) => [name, ...builds.flatMap((b) => [kb(pick(b, name)?.raw), kb(pick(b, name)?.gzip)])]);
  rows.push(['total', ...builds.flatMap((b) => [kb(total(b, 'raw')), kb(total(b, 'gzip'))])]);
  return markdown(header, rows);
}
