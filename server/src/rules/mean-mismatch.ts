// mean-mismatch: an average response time against the total time its requests took: N requests
// made one at a time in T cannot average more than T / N each (with c at a time, c·T / N).
import type { Finding } from '../core/types';
import type { DocumentModel, Section } from '../model/document';
import type { Quantity } from '../model/quantity-types';
import {
  blockOf,
  entriesWith,
  entries,
  finding,
  fmt,
  hasWord,
  isBounded,
  isGoalEntry,
  lineOf,
  measured,
  related,
  scopeChain,
  span,
  unitNoun,
  type Entry,
} from './arithmetic-support';
import type { Rule } from './rule';

const ID = 'mean-mismatch';

const MEAN = /^(avg|average|mean)$/;
const TOTAL_TIME = /^(total|elapsed|overall|sum)$/;
const TIME = /^(time|duration|elapsed)$/;
/** "sequential", "one at a time": a single request in flight. */
const SEQUENTIAL = /\b(sequential(ly)?|serial(ly)?|one at a time|one by one|concurrency:?\s*1\b)/i;

interface Operands {
  count: Quantity;
  total: Quantity;
  mean: Entry;
  meanQ: Quantity;
}

/** The one figure `pick` finds in a list, 'ambiguous' for several. */
function one(list: Entry[], pick: (e: Entry) => Quantity | undefined): Quantity | 'ambiguous' | undefined {
  const found = list.flatMap((x) => pick(x) ?? []);
  return found.length > 1 ? 'ambiguous' : found[0];
}

/** In the mean's block: the one request count ("(100 requests)") and the one total time. */
function operands(model: DocumentModel, mean: Entry, meanQ: Quantity): Operands | undefined {
  const block = blockOf(model, mean.line);
  if (!block) return undefined;
  const counts = block.lines.flatMap((l) => l.quantities.filter((q) => q.dimension === 'count' && unitNoun(q) === 'requests' && q.qualifier === 'exact'));
  const total = one(entriesWith(model, mean), (x) => {
    if (!hasWord(x.keyWords, TOTAL_TIME) || !hasWord(x.keyWords, TIME) || isGoalEntry(model, x)) return undefined;
    const [q] = measured(model, x);
    return q?.dimension === 'time' && isBounded(q) ? q : undefined;
  });
  if (counts.length !== 1 || !total || total === 'ambiguous' || counts[0].value <= 0) return undefined;
  return { count: counts[0], total, mean, meanQ };
}

/** Whether the chapter the figure is in says its requests were made one at a time. */
function sequential(model: DocumentModel, section: Section | undefined): boolean {
  const chapter = scopeChain(model, section).pop();
  return chapter !== undefined && SEQUENTIAL.test(model.text.slice(chapter.span.start, chapter.span.end));
}

function check(model: DocumentModel, o: Operands): Finding | undefined {
  // With several requests in flight, the average may exceed total ÷ count: only sequential runs are judged.
  if (!sequential(model, o.mean.line.section)) return undefined;
  const most = o.total.high / o.count.low;
  if (o.meanQ.low <= most) return undefined;
  const nominal = o.total.value / o.count.value;
  const message =
    `${o.mean.key} ${o.meanQ.text}, but ${o.count.text} made one at a time in ${o.total.text} take ` +
    `${fmt(nominal)} ms each on average (${o.total.text} / ${fmt(o.count.value)}): the stated average is ${fmt(o.meanQ.value / nominal)}× that.`;
  const hover = [
    `- ${o.total.text} (line ${lineOf(model, o.total.start)}) is at most ${fmt(o.total.high)} ms as printed; ${o.count.text} is at least ${fmt(o.count.low)}.`,
    `- Requests made one at a time can average at most ${fmt(most)} ms: time between them only lowers the average.`,
    `- Stated: ${o.meanQ.text}, at least ${fmt(o.meanQ.low)} ms.`,
  ];
  return finding(ID, span(o.meanQ), message, hover, [related(o.total, 'total time of the requests'), related(o.count, 'number of requests')]);
}

export const meanMismatch: Rule = {
  meta: {
    id: ID,
    category: 'arithmetic',
    defaultSeverity: 'warning',
    description: 'An average response time above what the total time of sequential requests allows (total ÷ count).',
    appliesTo: 'reports',
  },
  check(model) {
    return entries(model).flatMap((e) => {
      const [q] = measured(model, e);
      if (!hasWord(e.keyWords, MEAN) || q?.dimension !== 'time' || !isBounded(q) || e.line.kind === 'table' || isGoalEntry(model, e)) return [];
      const o = operands(model, e, q);
      return o ? (check(model, o) ?? []) : [];
    });
  },
};
