// The record table as the Generate half shows it: one object per row, read
// from the row's data attributes (src/ui/generate/records.rs).
export async function records(page, table = '#records') {
  return page.$$eval(`${table} tr[data-record-type]`, (rows) => rows.map((r) => ({
    type: r.dataset.recordType,
    name: r.dataset.recordName,
    host: r.dataset.recordHost,
    value: r.dataset.recordValue,
    priority: r.dataset.recordPriority ?? null,
    ttl: r.dataset.recordTtl,
  })));
}
