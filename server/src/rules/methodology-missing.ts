// methodology-missing: a report with measured figures and no section that says how they were
// measured. One finding, on the results' heading, listing what the report states (and where) and
// what it leaves out; its suggestion inserts a methodology section pre-filled from the report.
import type { Finding, Fix, RelatedLocation, Span } from '../core/types';
import type { DocumentModel, Section } from '../model/document';
import {
  CLOSING_TITLE,
  ELEMENTS,
  LABEL,
  chapterOf,
  factsFor,
  inventory,
  isDocumentTitle,
  labelRules,
  measuredFigures,
  nameOf,
  methodologyOptions,
  needsMethodology,
  methodologyState,
  placeholders,
  resultsSection,
  titleOf,
  todo,
  type Element,
  type Fact,
  type MethodologyOptions,
  type MethodologyState,
} from './methodology-support';
import type { Rule } from './rule';

const ID = 'methodology-missing';
const SECTION_TITLE = 'Test Methodology';
/** A blank-line-separated "---", "***" or "___": a separator between chapters, not an underline. */
const SEPARATOR = /^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/;

// ---------------------------------------------------------------------------------------------
// The document's own style

interface Style {
  table: boolean;
  /** List marker with its space ("- "), or '' for bare "Key: value" lines. */
  marker: string;
  bold: boolean;
  /** "**Key:** value" rather than "**Key**: value". */
  colonInside: boolean;
}

function majority(votes: string[], fallback: string): string {
  const counts = new Map<string, number>();
  for (const v of votes) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = fallback;
  let most = 0;
  for (const [v, n] of counts) if (n > most) [best, most] = [v, n];
  return best;
}

/** How the key/value lines within `scope` are written: list marker, bold keys, colon placement. */
function styleOf(model: DocumentModel, scope: Span): Style {
  const raws = model.keyValues
    .filter((kv) => kv.line.span.start >= scope.start && kv.line.span.end <= scope.end)
    .map((kv) => model.lines.lineText(kv.line.line).trim());
  const markdown = model.format === 'markdown';
  const marker = majority(raws.map((r) => /^([-*+•])\s/.exec(r)?.[1] ?? (/^\d+[.)]\s/.test(r) ? '-' : '')), markdown ? '-' : '');
  const keys = raws.map((r) => r.replace(/^(?:[-*+•]|\d+[.)])\s+/, ''));
  const bold = markdown && majority(keys.map((k) => (/^(\*\*|__)/.test(k) ? 'b' : 'p')), 'b') === 'b';
  const colonInside = majority(keys.filter((k) => /^(\*\*|__)/.test(k)).map((k) => (/^(\*\*|__)[^*_]+:(\*\*|__)/.test(k) ? 'in' : 'out')), 'in') === 'in';
  const tableRows = model.tables.reduce((n, t) => n + t.rows.length, 0);
  return { table: markdown && tableRows > raws.length, marker: marker ? `${marker} ` : '', bold, colonInside };
}

function itemLine(style: Style, label: string, value: string): string {
  if (!style.bold) return `${style.marker}${label}: ${value}`;
  return `${style.marker}${style.colonInside ? `**${label}:**` : `**${label}**:`} ${value}`;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

function tableLines(items: [string, string][]): string[] {
  return ['| Item | Value |', '|------|-------|', ...items.map(([l, v]) => `| ${cell(l)} | ${cell(v)} |`)];
}

/** A heading written as `like` is: ATX at `depth`, underlined, upper case, or a bare title line. */
function headingLines(model: DocumentModel, like: Section | undefined, depth: number, title: string): { lines: string[]; blankAfter: boolean } {
  const atx = { lines: [`${'#'.repeat(depth)} ${title}`], blankAfter: true };
  if (!like) return model.format === 'markdown' ? atx : { lines: [title, '-'.repeat(title.length)], blankAfter: true };
  const line = model.lines.positionAt(like.headingSpan.start).line;
  if (/^\s{0,3}#/.test(model.lines.lineText(line))) return atx;
  const under = line + 1 < model.lines.lineCount ? /^\s*(=+|-+)\s*$/.exec(model.lines.lineText(line + 1)) : null;
  if (under && under[1].length >= 3) return { lines: [title, under[1][0].repeat(title.length)], blankAfter: true };
  const letters = like.title.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 3 && letters === letters.toUpperCase()) return { lines: [title.toUpperCase()], blankAfter: true };
  // A bare title line reads as a heading only when text follows it directly.
  return { lines: [title], blankAfter: false };
}

// ---------------------------------------------------------------------------------------------
// Where the section goes

/** The end of the last line with content before `end`, and whether a separator was passed. */
function contentEnd(model: DocumentModel, end: number): { offset: number; separated: boolean } {
  const { lines } = model;
  let line = end >= model.text.length ? lines.lineCount - 1 : lines.positionAt(end).line - 1;
  let separated = false;
  while (line > 0) {
    const t = lines.lineText(line).trim();
    const separator = SEPARATOR.test(t) && lines.lineText(line - 1).trim() === '';
    if (t !== '' && !separator) break;
    separated ||= separator;
    line--;
  }
  return { offset: lines.lineEnd(Math.max(line, 0)), separated };
}

interface Place {
  offset: number;
  separated: boolean;
  like?: Section;
  depth: number;
  /** The chapter the section follows, or the one it precedes, for the fix's title. */
  after?: Section;
  before?: Section;
}

/** After the chapter holding the results; else before the conclusion or recommendations; else at the end. */
function placeFor(model: DocumentModel, results: Section | undefined): Place {
  const chapters = model.sections.filter((s) => !isDocumentTitle(model, s) && (!s.parent || isDocumentTitle(model, s.parent)));
  const chapter = chapterOf(model, results);
  const firstFigure = measuredFigures(model)[0]?.span.start ?? 0;
  const closing = chapter ? undefined : chapters.find((c) => c.span.start > firstFigure && CLOSING_TITLE.test(titleOf(model, c)));
  const end = chapter ? chapter.span.end : closing ? closing.headingSpan.start : model.text.length;
  const like = chapter ?? closing ?? chapters[chapters.length - 1];
  const title = model.sections.find((s) => isDocumentTitle(model, s));
  const depth = like?.depth ?? (title ? title.depth + 1 : 2);
  return { ...contentEnd(model, end), like, depth, after: chapter, before: closing };
}

// ---------------------------------------------------------------------------------------------
// What the section says

const cite = (f: Fact, shift: number): string => `(from ${f.where ? `${f.where}, ` : ''}line ${f.line + 1 + shift})`;

/** Every fact the report states for an element, each citing where; or a placeholder. */
function valueFor(state: MethodologyState, element: Element, shiftAfter: number, shift: number): string {
  const facts = factsFor(state.facts, element);
  if (!facts.length) return todo(element, factsFor(state.facts, 'tool', 1)[0]?.value);
  return facts.map((f) => `${f.value} ${cite(f, f.span.start >= shiftAfter ? shift : 0)}`).join('; ');
}

function newSection(model: DocumentModel, state: MethodologyState): Fix {
  const place = placeFor(model, resultsSection(model));
  const style = styleOf(model, { start: 0, end: model.text.length });
  const eol = model.lines.eol;
  const render = (shift: number): string => {
    const heading = headingLines(model, place.like, place.depth, SECTION_TITLE);
    const elements = ELEMENTS.filter((e) => state.applicable.includes(e) || state.facts.some((f) => f.element === e));
    const items = elements.map((e): [string, string] => [LABEL[e], valueFor(state, e, place.offset, shift)]);
    const body = style.table ? tableLines(items) : items.map(([l, v]) => itemLine(style, l, v));
    return ['', '', ...(place.separated ? ['---', ''] : []), ...heading.lines, ...(heading.blankAfter ? [''] : []), ...body].join(eol);
  };
  // Citations of lines below the insertion point count the lines the insertion adds.
  const shift = render(0).split(eol).length - 1;
  const where = place.after ? ` after "${titleOf(model, place.after)}"` : place.before ? ` before "${titleOf(model, place.before)}"` : ' at the end';
  return { title: `Insert methodology section${where}`, edits: [{ start: place.offset, end: place.offset, newText: render(shift) }] };
}

/** Placeholders for the required elements the methodology section lacks and nobody asked for yet. */
function completeSection(model: DocumentModel, state: MethodologyState, section: Section): Fix | undefined {
  const asked = new Set(placeholders(model).map((p) => p.element));
  const missing = state.missing.filter((e) => !asked.has(e));
  if (!missing.length) return undefined;
  const tool = factsFor(state.facts, 'tool', 1)[0]?.value;
  const items = missing.map((e): [string, string] => [LABEL[e], todo(e, tool)]);
  const eol = model.lines.eol;
  const child = model.sections.find((s) => s.parent === section);
  const own: Span = { start: section.headingSpan.end, end: child ? child.headingSpan.start : section.span.end };
  const hasOwnContent = model.textLines.some((l) => l.span.start >= own.start && l.span.end <= own.end) || model.tables.some((t) => t.span.start >= own.start && t.span.end <= own.end);
  const title = `Add the missing methodology items to "${titleOf(model, section)}"`;
  const insert = (offset: number, lines: string[]): Fix => ({ title, edits: [{ start: offset, end: offset, newText: lines.join(eol) }] });

  const labelTable = model.tables.find((t) => t.span.start >= own.start && t.span.end <= own.end && t.rows.some((r) => labelRules(r.cells[0]?.plain ?? '').length > 0));
  if (labelTable) {
    const columns = labelTable.header.length;
    const rows = items.map(([l, v]) => `| ${cell(l)} | ${cell(v)} |${' |'.repeat(Math.max(0, columns - 2))}`);
    return insert(model.lines.lineEnd(model.lines.positionAt(labelTable.span.end).line), ['', ...rows]);
  }
  if (hasOwnContent) {
    const style = styleOf(model, own);
    const { offset } = contentEnd(model, own.end);
    const last = model.textLines.find((l) => l.span.end === offset);
    const joined = last && (last.kind === 'list' || model.keyValues.some((kv) => kv.line === last));
    return insert(offset, [...(joined ? [''] : ['', '']), ...items.map(([l, v]) => itemLine(style, l, v))]);
  }
  const like = child ?? section;
  const heading = headingLines(model, like, child ? child.depth : section.depth + 1, subsectionTitle(missing));
  const style = styleOf(model, section.span);
  const { offset } = contentEnd(model, section.span.end);
  return insert(offset, ['', '', ...heading.lines, ...(heading.blankAfter ? [''] : []), ...items.map(([l, v]) => itemLine(style, l, v))]);
}

/** "Hardware and Runs": the subsection is named after what it asks for. */
function subsectionTitle(missing: Element[]): string {
  const names = missing.map((e) => LABEL[e].replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase()));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
}

/**
 * The edit that gives the report a methodology: a new section pre-filled from the report when it
 * has none; placeholders for what its methodology section lacks when it has one; undefined when
 * there is nothing left to add (so applying it twice never inserts twice).
 */
export function methodologySectionEdit(model: DocumentModel, options: MethodologyOptions = methodologyOptions.parse(undefined)): Fix | undefined {
  const state = methodologyState(model, options);
  if (state.section) return completeSection(model, state, state.section);
  return newSection(model, state);
}

// ---------------------------------------------------------------------------------------------
// The finding

export function related(state: MethodologyState, required: Element[]): RelatedLocation[] {
  return required.flatMap((e) => factsFor(state.facts, e, 1)).map((f) => ({ span: f.span, message: `${nameOf(f.element)}: ${f.value}` }));
}

export function hoverList(state: MethodologyState, required: Element[]): string[] {
  const found = required.flatMap((e) => factsFor(state.facts, e).map((f) => `- ${LABEL[e]}: ${f.value} (line ${f.line + 1}${f.where ? `, ${f.where}` : ''})`));
  return [
    ...(found.length ? ['Stated:', ...found, ''] : []),
    'Not stated:',
    ...state.missing.map((e) => `- ${LABEL[e]}`),
  ];
}

/** The heading a document-level finding sits on: the results', else the first one. */
function anchor(model: DocumentModel, results: Section | undefined): Span {
  const heading = results ?? model.sections.find((s) => !isDocumentTitle(model, s)) ?? model.sections[0];
  if (heading) return heading.headingSpan;
  const first = model.textLines[0];
  return first ? first.span : { start: 0, end: 0 };
}

/** "Methodology: see docs/perf/setup.md": the report keeps its methodology in another document. */
const ELSEWHERE = /\b(methodology|test (?:setup|plan|environment)|how (?:we|it was) (?:tested|measured))\b.*(?:\]\(|https?:\/\/|\.md\b|\bsee\b)|\bsee\b.*\b(methodology|test setup|test plan)\b/i;

const refersElsewhere = (model: DocumentModel): boolean => model.textLines.some((l) => ELSEWHERE.test(l.text));

export const methodologyMissing: Rule<MethodologyOptions> = {
  meta: {
    id: ID,
    category: 'methodology',
    defaultSeverity: 'warning',
    description: 'Measured figures with no section saying how they were measured: tool and version, environment, hardware, duration, load profile, runs.',
    appliesTo: 'reports',
  },
  options: methodologyOptions,
  check(model, { options }) {
    if (!needsMethodology(model) || refersElsewhere(model)) return [];
    const state = methodologyState(model, options);
    if (state.section || state.missing.length === 0) return [];
    const results = resultsSection(model);
    const figures = measuredFigures(model);
    const fix = methodologySectionEdit(model, options);
    const finding: Finding = {
      ruleId: ID,
      span: anchor(model, results),
      message: `${figures.length} measured figures and no methodology section; ${inventory(state, options.required)}.`,
      related: related(state, options.required),
      hover: [
        `**No methodology**: the report gives ${figures.length} measured figures (first at line ${figures[0].line + 1}) but no section says how they were measured.`,
        '',
        ...hoverList(state, options.required),
        '',
        'The suggested fix inserts a methodology section, pre-filled with what the report states and a TODO for each missing element.',
      ].join('\n'),
      ...(fix ? { suggestions: [fix] } : {}),
    };
    return [finding];
  },
};
