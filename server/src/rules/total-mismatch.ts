// total-mismatch: a stated total against the sum of its parts: a table's Total row against its
// column, and "Total Requests" against the outcomes listed with it (successful + failed).
import type { Finding, Fix } from '../core/types';
import type { DocumentModel, Table } from '../model/document';
import type { Quantity } from '../model/quantity-types';
import {
  columnRoles,
  disjoint,
  entries,
  entriesWith,
  finding,
  fmt,
  fmtInterval,
  hasWord,
  headerText,
  isBounded,
  isStatisticWord,
  lineOf,
  measured,
  numberSpan,
  OUTCOME,
  printedLike,
  related,
  rowLabel,
  span,
  statisticWords,
  sum,
  words,
  type Entry,
} from './arithmetic-support';
import type { Rule } from './rule';

const ID = 'total-mismatch';

interface Part {
  q: Quantity;
  label: string;
}

/**
 * `derived`: the total is computed from the parts (a Total row), so the sum replaces it; a total
 * stated beside its outcomes may itself be the right figure, so the sum is only offered.
 */
function compare(model: DocumentModel, total: Quantity, totalLabel: string, parts: Part[], derived: boolean): Finding | undefined {
  const summed = sum(parts.map((p) => p.q));
  if (!disjoint(summed, total)) return undefined;
  const nominal = parts.reduce((s, p) => s + p.q.value, 0);
  const k = total.sourceValue ? total.value / total.sourceValue : 1;
  const message =
    `${totalLabel} ${total.text}, but its ${parts.length} parts add up to ${fmt(nominal / k)}` +
    `${total.sourceUnit ? ` ${total.sourceUnit}` : ''} (${parts.map((p) => p.q.text).join(' + ')}).`;
  const hover = [
    ...parts.map((p) => `- ${p.label}: ${p.q.text} (line ${lineOf(model, p.q.start)}), ${fmtInterval(p.q)}${p.q.unit} as printed`),
    `- Sum: ${fmtInterval(summed)}${total.unit}; stated total: ${fmtInterval(total)}${total.unit}.`,
  ];
  const fix = fixFor(model, total, parts);
  const edit = fix && (derived ? { fix } : { suggestions: [{ ...fix, isPreferred: false }] });
  return finding(ID, span(total), message, hover, parts.map((p) => related(p.q, `part: ${p.label}`)), edit ?? {});
}

/** The sum as the total's new text, when every figure is exact and printed in the same unit. */
function fixFor(model: DocumentModel, total: Quantity, parts: Part[]): Fix | undefined {
  const figures = [total, ...parts.map((p) => p.q)];
  const at = numberSpan(model, total);
  if (!at || figures.some((q) => q.qualifier !== 'exact' || q.sourceUnit !== total.sourceUnit)) return undefined;
  const decimals = Math.max(...figures.map((q) => q.decimals));
  const newText = printedLike(parts.reduce((s, p) => s + p.q.sourceValue, 0), { ...total, decimals });
  return { title: `Replace the total ${total.text} with ${newText}`, edits: [{ ...at, newText }], isPreferred: true };
}

const TOTAL_ROW = /^(total|totals|sum|grand|aggregated)$/;
const SUBTOTAL = /^(subtotal|sub|of)$/;
/** Columns whose rows are not parts of a sum: statistics, latencies, ratios, scores. */
const NOT_SUMMABLE = /^(latency|latencies|response|rate|ratio|per|percentile|utilization|utilisation|usage|efficiency|score|rating|apdex|version|std|stddev|deviation)$/;
const SHARE = /^(share|percent|percentage|pct|distribution|split|mix|portion|breakdown|traffic|weight)$/;
const DURATIONS = /^(duration|durations|time|elapsed|downtime)$/;
/** Headers of bare figures that add up: counts of things. */
const COUNTS =
  /^(requests?|reqs?|samples?|count|counts|errors?|failures?|fails?|failed|hits|calls|iterations?|transactions?|queries|users?|sessions?|items?|records?|rows?|events?|messages?|ok|ko|passed|skipped|tests?|incidents?|alerts?|pods?|nodes?|replicas?|instances?|connections?|tickets?|issues?|bugs?|findings?|vulnerabilities)$/;

function summable(header: string, parts: Quantity[], total: Quantity): boolean {
  const ws = statisticWords(header);
  if (hasWord(ws, NOT_SUMMABLE) || ws.some(isStatisticWord)) return false;
  if (parts.some((p) => p.dimension !== total.dimension)) return false;
  switch (total.dimension) {
    case 'percent':
      // Shares sum to 100%; other percentages (error %, CPU %) do not add up.
      return total.low <= 100 && 100 <= total.high && hasWord(ws, SHARE);
    case 'time':
      return hasWord(ws, DURATIONS);
    case 'count':
      // A bare figure adds up only under a header that counts something ("Samples", "# Fails").
      return total.sourceUnit !== '' || hasWord(ws, COUNTS) || header.includes('#');
    default:
      return true;
  }
}

function tableTotals(model: DocumentModel, table: Table): Finding[] {
  const labels = table.rows.map((r) => words(rowLabel(model, r)));
  const totalRows = labels.flatMap((ws, i) => (TOTAL_ROW.test(ws[0] ?? '') ? [i] : []));
  if (totalRows.length !== 1 || labels.some((ws) => hasWord(ws, SUBTOTAL))) return [];
  const [t] = totalRows;
  const partRows = table.rows.filter((_, i) => i !== t);
  if (partRows.length < 2) return [];
  const roles = columnRoles(model, table);
  const out: Finding[] = [];
  table.header.forEach((_, col) => {
    if (roles[col] === 'label' || roles[col] === 'target' || roles[col] === 'status' || roles[col] === 'change') return;
    const cell = table.rows[t].cells[col];
    const total = cell?.quantities.length === 1 ? cell.quantities[0] : undefined;
    if (!total || !isBounded(total) || total.signed) return;
    const parts = partRows.map((r) => (r.cells[col]?.quantities.length === 1 ? r.cells[col].quantities[0] : undefined));
    if (parts.some((p) => !p || !isBounded(p) || p.signed || p.dimension !== total.dimension)) return;
    if (!summable(headerText(model, table, col), parts as Quantity[], total)) return;
    const named = (parts as Quantity[]).map((q, i) => ({ q, label: rowLabel(model, partRows[i]) }));
    const f = compare(model, total, `${rowLabel(model, table.rows[t])} (${headerText(model, table, col)})`, named, true);
    if (f) out.push(f);
  });
  return out;
}

const SUCCESS = /^(success|successes|successful|succeeded|passed|pass|ok|completed)$/;

/** "Total Requests: 2,145" against the outcomes in its block: "Successful: 2,105", "Failed: 40". */
function outcomeTotals(model: DocumentModel, e: Entry): Finding | undefined {
  const [total] = measured(model, e);
  if (!e.keyWords.includes('total') || total?.dimension !== 'count' || !isBounded(total)) return undefined;
  const parts = entriesWith(model, e).flatMap((p): Part[] => {
    if (p === e || !hasWord(p.keyWords, OUTCOME) || p.keyWords.includes('total')) return [];
    const [q] = measured(model, p);
    return q?.dimension === 'count' && isBounded(q) && !q.signed ? [{ q, label: p.key }] : [];
  });
  const successes = parts.filter((p) => hasWord(words(p.label), SUCCESS)).length;
  const failures = parts.length - successes;
  if (successes !== 1 || failures < 1) return undefined;
  // Two kinds of failure ("Failed", "Timeouts") may count the same requests twice.
  if (failures > 1 && sum(parts.map((p) => p.q)).low > total.high) return undefined;
  return compare(model, total, e.key, parts, false);
}

export const totalMismatch: Rule = {
  meta: {
    id: ID,
    category: 'arithmetic',
    defaultSeverity: 'warning',
    description: "A stated total that its parts don't add up to: a table's Total row, or a total and its outcomes.",
    appliesTo: 'reports',
  },
  check(model) {
    return [...model.tables.flatMap((t) => tableTotals(model, t)), ...entries(model).flatMap((e) => outcomeTotals(model, e) ?? [])];
  },
};
