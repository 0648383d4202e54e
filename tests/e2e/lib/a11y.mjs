// Fails the test on any axe violation, listing each rule with its nodes.
// Every e2e screen goes through this, so accessibility is checked the same
// way everywhere.
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';

export async function assertAccessible(page, label) {
  const result = await new AxeBuilder({ page }).analyze();
  const problems = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  assert.equal(problems.length, 0, `axe violations on ${label}:\n  ${problems.join('\n  ')}`);
}

// assertAccessible's verdict collected into `problems`, so a test reports
// its behaviour checks first and the violations at its end.
export async function collectAccessible(page, label, problems) {
  try {
    await assertAccessible(page, label);
  } catch (e) {
    problems.push(e.message);
  }
}
