// change-mismatch: a before/after table's change column against the change its two columns show:
// the difference, the relative change (either way round), or the factor ("2x").
import type { Finding } from '../core/types';
import type { DocumentModel, Table, TableRow } from '../model/document';
import type { Quantity } from '../model/quantity-types';
import { columnRoles, finding, fmt, fmtInterval, headerText, isBounded, lineOf, related, rowLabel, span, type ColumnRole, type Interval } from './arithmetic-support';
import type { Rule } from './rule';

const ID = 'change-mismatch';

export interface Reading {
  name: 'difference' | 'relative' | 'speed-up' | 'after ÷ before' | 'before ÷ after';
  interval: Interval;
  nominal: number;
}

export interface Change {
  row: TableRow;
  label: string;
  before: Quantity;
  after: Quantity;
  stated: Quantity;
  /** Percentages on both sides: a change in points, or a relative one. */
  points?: Interval;
  /** Every reading of the change that the stated figure may mean, magnitudes only. */
  readings: Reading[];
  /** Whether one of the readings fits the stated figure. */
  fits: boolean;
}

export const magnitude = (i: Interval): Interval =>
  i.low >= 0 ? i : i.high <= 0 ? { low: -i.high, high: -i.low } : { low: 0, high: Math.max(-i.low, i.high) };

export const overlap = (a: Interval, b: Interval): boolean => a.low <= b.high && b.low <= a.high;

const single = (row: TableRow, col: number): Quantity | undefined => {
  const qs = row.cells[col]?.quantities ?? [];
  return qs.length === 1 && isBounded(qs[0]) && qs[0].qualifier !== 'lt' && qs[0].qualifier !== 'le' ? qs[0] : undefined;
};

/** "2x", "3.5×": a factor rather than a count. */
const isFactor = (model: DocumentModel, q: Quantity): boolean => q.dimension === 'count' && /^\s*[x×]/i.test(model.text.slice(q.end, q.end + 2));

function readings(model: DocumentModel, b: Quantity, a: Quantity, c: Quantity): Reading[] {
  const pct = (i: Interval): Interval => ({ low: i.low * 100, high: i.high * 100 });
  if (isFactor(model, c)) {
    if (!(a.low > 0 && b.low > 0)) return [];
    return [
      { name: 'after ÷ before', interval: { low: a.low / b.high, high: a.high / b.low }, nominal: a.value / b.value },
      { name: 'before ÷ after', interval: { low: b.low / a.high, high: b.high / a.low }, nominal: b.value / a.value },
    ];
  }
  const out: Reading[] = [];
  if (c.dimension === a.dimension) {
    out.push({ name: 'difference', interval: magnitude({ low: a.low - b.high, high: a.high - b.low }), nominal: Math.abs(a.value - b.value) });
  }
  if (c.dimension === 'percent' && b.low > 0 && a.low > 0) {
    const rel = { low: a.low / b.high - 1, high: a.high / b.low - 1 };
    out.push({ name: 'relative', interval: magnitude(pct(rel)), nominal: Math.abs(a.value / b.value - 1) * 100 });
    // "100% faster" for 200ms → 100ms: a time halved is a speed doubled.
    if (a.dimension === 'time') {
      const speed = { low: b.low / a.high - 1, high: b.high / a.low - 1 };
      out.push({ name: 'speed-up', interval: magnitude(pct(speed)), nominal: Math.abs(b.value / a.value - 1) * 100 });
    }
  }
  return out;
}

/** The rows of a table with one before, one after and one change column. */
export function changes(model: DocumentModel, table: Table): Change[] {
  const roles = columnRoles(model, table);
  const col = (role: ColumnRole) => (roles.filter((r) => r === role).length === 1 ? roles.indexOf(role) : -1);
  const [b, a, c] = [col('before'), col('after'), col('change')];
  if (b < 0 || a < 0 || c < 0) return [];
  return table.rows.flatMap((row): Change[] => {
    const before = single(row, b);
    const after = single(row, a);
    const stated = row.cells[c]?.quantities[0];
    if (!before || !after || !stated || !isBounded(stated) || before.dimension !== after.dimension) return [];
    const all = readings(model, before, after, stated);
    if (all.length === 0) return [];
    const percentages = before.dimension === 'percent' && stated.dimension === 'percent';
    const fits = all.some((r) => r.name !== 'difference' || !percentages ? overlap(r.interval, magnitude(stated)) : false);
    const points = percentages ? all.find((r) => r.name === 'difference')?.interval : undefined;
    return [{ row, label: rowLabel(model, row), before, after, stated, points, readings: all, fits }];
  });
}

/** A reading in words: "a difference of 300 ms", "50% relative to before", "3× (before ÷ after)". */
function describeReading(r: Reading, ch: Change): string {
  const unit = ch.after.dimension === 'percent' ? ' points' : ch.after.sourceUnit ? ` ${ch.after.sourceUnit}` : '';
  const k = ch.after.sourceValue ? ch.after.value / ch.after.sourceValue : 1;
  switch (r.name) {
    case 'difference':
      return `a difference of ${fmt(r.nominal / k)}${unit}`;
    case 'relative':
      return `${fmt(r.nominal)}% relative to before`;
    case 'speed-up':
      return `a ${fmt(r.nominal)}% speed-up`;
    default:
      return `${fmt(r.nominal)}× (${r.name})`;
  }
}

function report(model: DocumentModel, table: Table, ch: Change): Finding {
  const header = (q: Quantity) => headerText(model, table, ch.row.cells.findIndex((cell) => cell.quantities.includes(q)));
  const message = `${ch.label}: ${ch.before.text} → ${ch.after.text} is ${ch.readings.map((r) => describeReading(r, ch)).join(', or ')}; not ${ch.stated.text}.`;
  const unit = (r: Reading) => (r.name === 'relative' || r.name === 'speed-up' ? '%' : r.name === 'difference' ? ch.after.unit : '×');
  const hover = [
    ...ch.readings.map((r) => `- ${r.name}: ${fmtInterval(r.interval)}${unit(r)} as printed`),
    `- Stated (${header(ch.stated)}): ${fmtInterval(magnitude(ch.stated))}${isFactor(model, ch.stated) ? '×' : ch.stated.unit}, sign aside.`,
  ];
  return finding(ID, span(ch.stated), message, hover, [
    related(ch.before, `${header(ch.before)} (line ${lineOf(model, ch.before.start)})`),
    related(ch.after, header(ch.after)),
  ]);
}

export const changeMismatch: Rule = {
  meta: {
    id: ID,
    category: 'arithmetic',
    defaultSeverity: 'warning',
    description: 'A change column (delta, %, "2x") that its before and after columns do not give, read any usual way.',
    appliesTo: 'reports',
  },
  check(model) {
    return model.tables.flatMap((t) =>
      changes(model, t).flatMap((ch) => {
        // Percentage points written as % are percentage-points' business.
        if (ch.fits || (ch.points && overlap(ch.points, magnitude(ch.stated)))) return [];
        return [report(model, t, ch)];
      }),
    );
  },
};
