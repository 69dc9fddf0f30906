// percentage-mismatch: a stated percentage against the part and whole it is printed with
// ("15/25 (60%)", "1.2GB / 2GB (60%)", "Failed: 40 (1.9%)" under "Total: 2,145"), and a headroom
// against the usage it complements ("Headroom: 55% CPU" with "CPU Usage: 45%").
import type { Finding, Fix } from '../core/types';
import type { DocumentModel, Fragment } from '../model/document';
import type { Quantity } from '../model/quantity-types';
import {
  contains,
  disjoint,
  divide,
  entries,
  finding,
  fmt,
  fmtInterval,
  hasWord,
  isBounded,
  lineOf,
  measured,
  numberSpan,
  printed,
  printedLike,
  related,
  scale,
  shareOf,
  span,
  words,
  type Entry,
  type Interval,
} from './arithmetic-support';
import type { Rule } from './rule';

const ID = 'percentage-mismatch';

interface Ratio {
  part: Quantity;
  whole: Quantity;
  percent: Quantity;
  recomputed: Interval;
  nominal: number;
}

/** part / whole × 100; units that are the same as printed cancel, so "GB" needs no decimal-or-binary reading. */
function ratioOf(part: Quantity, whole: Quantity): { interval: Interval; nominal: number } | undefined {
  const samePrinting = part.sourceUnit === whole.sourceUnit;
  const r = samePrinting ? divide(printed(part), printed(whole)) : divide(part, whole);
  return r && { interval: scale(r, 100), nominal: (part.value / whole.value) * 100 };
}

// Tested on trimmed text (as if `^\s*…\s*$`): stars on both sides would split a long run of spaces every way.
const JOINT = /^(?:\/|of|out of)$/i;
const BEFORE_PERCENT = /^[([]?$|^[-–—:=,]$/;

/** "a / b (p%)", "a of b (p%)": a part, its whole and the percentage printed right after them. */
function inlineRatios(model: DocumentModel, f: Fragment): Ratio[] {
  const out: Ratio[] = [];
  const qs = f.quantities;
  for (let i = 0; i + 2 < qs.length; i++) {
    const [part, whole, percent] = [qs[i], qs[i + 1], qs[i + 2]];
    if (part.dimension === 'percent' || part.dimension !== whole.dimension || percent.dimension !== 'percent') continue;
    if (!isBounded(part) || !isBounded(whole) || percent.signed || part.signed || whole.value <= 0) continue;
    if (!JOINT.test(model.text.slice(part.end, whole.start).trim()) || !BEFORE_PERCENT.test(model.text.slice(whole.end, percent.start).trim())) continue;
    // "24/7 (99.9%)" is no part of a whole.
    if (part.low > whole.high && percent.value <= 100) continue;
    const r = ratioOf(part, whole);
    if (r) out.push({ part, whole, percent, recomputed: r.interval, nominal: r.nominal });
  }
  return out;
}

/** The percentage recomputed and printed with the stated one's decimals, as a fix when its operands are exact. */
function fixFor(model: DocumentModel, r: Ratio): { fix: Fix } | Record<string, never> {
  const exact = [r.part, r.whole, r.percent].every((q) => q.qualifier === 'exact') && r.part.sourceUnit === r.whole.sourceUnit;
  const at = numberSpan(model, r.percent);
  if (!exact || !at) return {};
  const newText = printedLike(r.nominal, r.percent);
  return { fix: { title: `Replace ${r.percent.text} with ${newText}%`, edits: [{ ...at, newText }], isPreferred: true } };
}

function ratioFinding(model: DocumentModel, r: Ratio, wholeLabel: string): Finding {
  const message = `${r.part.text} / ${r.whole.text}${wholeLabel} = ${fmt(r.nominal)}%, not ${r.percent.text}.`;
  const hover = [
    `- ${r.part.text} / ${r.whole.text} is ${fmtInterval(r.recomputed)}% as printed.`,
    `- Stated: ${r.percent.text}, i.e. ${fmtInterval(r.percent)}%.`,
  ];
  const rel = [related(r.part, 'the part'), related(r.whole, `the whole${wholeLabel}`)];
  return finding(ID, span(r.percent), message, hover, rel, fixFor(model, r));
}

const HEADROOM = /^(headroom|free|available|remaining|spare|unused|idle)$/;
const USAGE = /^(usage|utilization|utilisation|used|utilized|utilised|load|consumption|consumed)$/;
const RESOURCE = /^(cpu|memory|mem|ram|disk|storage|heap|connections?|pool|bandwidth|network|gpu)$/;

const resourceOf = (w: string | undefined): string | undefined =>
  w && RESOURCE.test(w) ? w.replace(/^(mem|ram)$/, 'memory').replace(/s$/, '') : undefined;

interface Usage {
  resource: string;
  percent: Quantity;
}

const usageCache = new WeakMap<DocumentModel, Usage[]>();

/** Every usage percentage of a resource: "CPU Usage: 45%", "Memory: 1.2GB / 2GB (60% utilized)". */
function allUsages(model: DocumentModel): Usage[] {
  let found = usageCache.get(model);
  if (found) return found;
  found = entries(model).flatMap((u): Usage[] => {
    if (hasWord(u.keyWords, HEADROOM)) return [];
    const resource = u.keyWords.map(resourceOf).find(Boolean);
    const percent = measured(model, u).find((q) => q.dimension === 'percent' && !q.signed && isBounded(q));
    if (!resource || !percent) return [];
    const saysUsage = hasWord(u.keyWords, USAGE) || hasWord(words(model.text.slice(percent.end, percent.end + 14)), USAGE);
    return saysUsage ? [{ resource, percent }] : [];
  });
  usageCache.set(model, found);
  return found;
}

/** The usage percentages per resource in the entry's section. */
function usages(model: DocumentModel, e: Entry): Map<string, Quantity[]> {
  const out = new Map<string, Quantity[]>();
  const scope = e.line.section?.span ?? { start: 0, end: model.text.length };
  for (const u of allUsages(model)) {
    if (contains(scope, u.percent.start)) {
      const list = out.get(u.resource);
      if (list) list.push(u.percent);
      else out.set(u.resource, [u.percent]);
    }
  }
  return out;
}

/** "Headroom Available: 55% CPU, 40% Memory" against the usage stated for each resource. */
function headroomFindings(model: DocumentModel, e: Entry): Finding[] {
  if (!hasWord(e.keyWords, HEADROOM)) return [];
  const used = usages(model, e);
  const keyResource = e.keyWords.map(resourceOf).find(Boolean);
  return measured(model, e).flatMap((q) => {
    if (q.dimension !== 'percent' || q.signed || !isBounded(q)) return [];
    const resource = resourceOf(words(model.text.slice(q.end, q.end + 12))[0]) ?? keyResource;
    const usage = resource ? used.get(resource) : undefined;
    if (!usage || usage.length !== 1) return [];
    const [u] = usage;
    const complement = { low: 100 - u.high, high: 100 - u.low };
    if (!disjoint(complement, q)) return [];
    const message = `${resource} headroom ${q.text}, but the usage is ${u.text} (line ${lineOf(model, u.start)}): 100% − ${u.text} = ${fmt(100 - u.value)}%.`;
    const hover = [`- 100% − ${u.text} is ${fmtInterval(complement)}% as printed.`, `- Stated headroom: ${fmtInterval(q)}%.`];
    return [finding(ID, span(q), message, hover, [related(u, `${resource} usage`)])];
  });
}

export const percentageMismatch: Rule = {
  meta: {
    id: ID,
    category: 'arithmetic',
    defaultSeverity: 'warning',
    description: 'A percentage that its part and whole (or the usage it complements) cannot give, allowing for rounding.',
    appliesTo: 'reports',
  },
  check(model) {
    const out: Finding[] = [];
    const fragments = [...model.textLines, ...model.tables.flatMap((t) => t.rows.flatMap((r) => r.cells))];
    for (const f of fragments) {
      for (const r of inlineRatios(model, f)) if (disjoint(r.recomputed, r.percent)) out.push(ratioFinding(model, r, ''));
    }
    for (const e of entries(model)) {
      const s = shareOf(model, e);
      if (s && disjoint(s.recomputed, s.percent)) {
        const r: Ratio = { part: s.part, whole: s.total.q, percent: s.percent, recomputed: s.recomputed, nominal: s.nominal };
        out.push(ratioFinding(model, r, ` (${s.total.entry.key}, line ${lineOf(model, s.total.q.start)})`));
      }
      out.push(...headroomFindings(model, e));
    }
    return out;
  },
};
