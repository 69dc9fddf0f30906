// product-mismatch: a multiplication written out in the text ("3 × 512MB = 1.5Gi", "300m (3 × 100m)")
// against its result.
import type { Finding, Fix } from '../core/types';
import type { DocumentModel, Fragment } from '../model/document';
import type { Quantity } from '../model/quantity-types';
import { disjoint, finding, fmt, fmtInterval, isBounded, numberSpan, perPrinted, printed, printedLike, related, span, type Interval } from './arithmetic-support';
import type { Rule } from './rule';

const ID = 'product-mismatch';

// Tested on the trimmed text between figures (as if `^\s*…\s*$`): stars on both sides would split a long run of spaces every way.
const TIMES = /^[×x*]$/;
const EQUALS = /^(?:=|→|->|≈)$/;
const OPEN = /^\($/;
const CLOSE = /^\s*\)/;

interface Product {
  factor: Quantity;
  operand: Quantity;
  result: Quantity;
}

/** "3 × 512MB = 1.5Gi" and "1.5Gi (3 × 512MB)": a count times a figure, and the figure stated as their product. */
function products(model: DocumentModel, f: Fragment): Product[] {
  const qs = f.quantities;
  const between = (a: Quantity, b: Quantity) => model.text.slice(a.end, b.start).trim();
  const out: Product[] = [];
  for (let i = 0; i + 2 < qs.length; i++) {
    const [x, y, z] = [qs[i], qs[i + 1], qs[i + 2]];
    if (TIMES.test(between(x, y)) && EQUALS.test(between(y, z))) out.push({ factor: x, operand: y, result: z });
    if (OPEN.test(between(x, y)) && TIMES.test(between(y, z)) && CLOSE.test(model.text.slice(z.end, z.end + 3))) {
      out.push({ factor: y, operand: z, result: x });
    }
  }
  return out.filter((p) => {
    const { factor, operand, result } = p;
    const counted = factor.dimension === 'count' && !factor.sourceUnit;
    return counted && [factor, operand, result].every(isBounded) && operand.dimension === result.dimension;
  });
}

/** Figures printed in the same unit compare in it, with no decimal-or-binary reading of "MB"; others in base units. */
const inUnitOf = (q: Quantity, same: boolean): Interval => (same ? printed(q) : q);

/** The product in the result's printed unit; a whole multiplier is exact ("3 ×" replicas). */
function productOf(p: Product, same: boolean): { interval: Interval; nominal: number } {
  const n = p.factor.decimals === 0 && p.factor.qualifier === 'exact' ? { low: p.factor.value, high: p.factor.value } : p.factor;
  const operand = inUnitOf(p.operand, same);
  const k = same ? 1 : perPrinted(p.result);
  const nominal = (p.factor.value * (same ? p.operand.sourceValue : p.operand.value)) / k;
  return { interval: { low: (n.low * operand.low) / k, high: (n.high * operand.high) / k }, nominal };
}

function fixFor(model: DocumentModel, p: Product, nominal: number, same: boolean): { fix: Fix } | Record<string, never> {
  const at = numberSpan(model, p.result);
  if (!at || !same || [p.factor, p.operand, p.result].some((q) => q.qualifier !== 'exact')) return {};
  const newText = printedLike(nominal, { ...p.result, decimals: Math.max(p.operand.decimals, p.result.decimals) });
  return { fix: { title: `Replace ${p.result.text} with ${newText}${p.result.sourceUnit}`, edits: [{ ...at, newText }], isPreferred: true } };
}

function check(model: DocumentModel, p: Product): Finding | undefined {
  const same = p.operand.sourceUnit === p.result.sourceUnit;
  const { interval, nominal } = productOf(p, same);
  const k = same ? 1 : perPrinted(p.result);
  const result = inUnitOf(p.result, same);
  const stated = { low: result.low / k, high: result.high / k };
  if (!disjoint(interval, stated)) return undefined;
  const unit = p.result.sourceUnit;
  // In another unit than the result's, the product is shown as printed: "3 × 512MB = 1,536MB".
  const product = same ? `${fmt(nominal)}${unit}` : `${fmt(p.factor.value * p.operand.sourceValue)}${p.operand.sourceUnit}`;
  const message = `${p.factor.text} × ${p.operand.text} = ${product}, not ${p.result.text}.`;
  const hover = [`- ${p.factor.text} × ${p.operand.text} is ${fmtInterval(interval)}${unit} as printed.`, `- Stated: ${fmtInterval(stated)}${unit}.`];
  return finding(ID, span(p.result), message, hover, [related(p.factor, 'multiplier'), related(p.operand, 'multiplied figure')], fixFor(model, p, nominal, same));
}

export const productMismatch: Rule = {
  meta: {
    id: ID,
    category: 'arithmetic',
    defaultSeverity: 'warning',
    description: 'A multiplication written in the text ("3 × 512MB = 1.5Gi") whose stated result is wrong.',
    appliesTo: 'reports',
  },
  check(model) {
    const fragments = [...model.textLines, ...model.tables.flatMap((t) => t.rows.flatMap((r) => r.cells))];
    return fragments.flatMap((f) => products(model, f).flatMap((p) => check(model, p) ?? []));
  },
};
