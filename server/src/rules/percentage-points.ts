// percentage-points: a change between two percentages written as a percent when it is their
// difference in points ("68% → 98%, +30%": +30 points, a 44% increase). Both readings are common;
// the rule asks for the unambiguous one.
import type { Finding, Fix } from '../core/types';
import type { DocumentModel, Table } from '../model/document';
import { finding, fmt, headerText, lineOf, related, span } from './arithmetic-support';
import { changes, magnitude, overlap, type Change } from './change-mismatch';
import type { Rule } from './rule';

const ID = 'percentage-points';

/** Every "%" of the column written as " pp": offered, since "+44%" may be what the author meant instead. */
function toPoints(model: DocumentModel, rows: Change[]): Fix {
  const edits = rows.flatMap((ch) => {
    const end = ch.stated.end;
    return model.text[end - 1] === '%' ? [{ start: end - 1, end, newText: ' pp' }] : [];
  });
  return { title: 'Write the changes in percentage points (pp)', edits };
}

function report(model: DocumentModel, table: Table, rows: Change[]): Finding {
  const [first] = rows;
  const relative = first.readings.find((r) => r.name === 'relative');
  const column = headerText(model, table, first.row.cells.findIndex((c) => c.quantities.includes(first.stated)));
  const more = rows.length > 1 ? ` (and ${rows.length - 1} more row${rows.length > 2 ? 's' : ''} of "${column}")` : '';
  const message =
    `${first.label}: ${first.before.text} → ${first.after.text} is ${first.stated.text} in percentage points, ` +
    `but ${relative ? `${fmt(relative.nominal)}%` : 'another figure'} as a relative change${more}: write "pp" or the relative change.`;
  const hover = rows.map(
    (ch) => `- ${ch.label} (line ${lineOf(model, ch.stated.start)}): ${ch.before.text} → ${ch.after.text}, ${ch.stated.text} = difference in points; relative: ${fmt(ch.readings.find((r) => r.name === 'relative')?.nominal ?? NaN)}%`,
  );
  return finding(ID, span(first.stated), message, hover, rows.slice(1).map((ch) => related(ch.stated, `${ch.label}: also points`)), {
    suggestions: [toPoints(model, rows)],
  });
}

export const percentagePoints: Rule = {
  meta: {
    id: ID,
    category: 'arithmetic',
    defaultSeverity: 'info',
    description: 'A change between two percentages written as % when it is their difference in percentage points.',
    appliesTo: 'reports',
  },
  check(model) {
    return model.tables.flatMap((t) => {
      const rows = changes(model, t).filter((ch) => !ch.fits && ch.points && overlap(ch.points, magnitude(ch.stated)));
      return rows.length ? [report(model, t, rows)] : [];
    });
  },
};
