// Property tests (fast-check) for the analysis core: random Markdown and text never make it throw or
// a rule fail, every range it reports lies inside the document, and fix-all is idempotent and
// changes only what the fixes name (line endings and a leading BOM kept).
//
// Reproducible: a fixed seed by default, so CI runs the same cases every time. Override with
//   FC_SEED=123 FC_RUNS=2000 node --import tsx --test test/unit/properties.test.ts
// (FC_RUNS sets the run count of every property). A failure prints the seed and path to replay it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, fixAll, type Analysis } from '../../server/src/core/analyze';
import { applyFixes } from '../../server/src/core/fixes';
import type { Span, TextEdit } from '../../server/src/core/types';
import { defaultConfig, type EffectiveConfig } from '../../server/src/config/resolve';
import { readSource } from '../../server/src/cli/source';
import { buildModel, type DocumentModel, type Section } from '../../server/src/model/document';
import { markdownCache } from '../../server/src/model/markdown';
import { rules } from '../../server/src/rules/registry';

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 0x5eed2024;
const runs = (defaultRuns: number): number => (process.env.FC_RUNS ? Number(process.env.FC_RUNS) : defaultRuns);
const params = <T,>(defaultRuns: number): fc.Parameters<T> => ({ seed: SEED, numRuns: runs(defaultRuns) });

// Random documents rarely look like reports: `always` makes every rule run on them.
const AUTO = defaultConfig();
const ALWAYS: EffectiveConfig = { ...defaultConfig(), reports: 'always' };
const config = fc.constantFrom(ALWAYS, ALWAYS, AUTO);

// ---------------------------------------------------------------------------------------------
// Checks

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;
/** Whether an offset falls between the two halves of a surrogate pair. */
const splitsPair = (text: string, at: number) => at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
const splitsCrlf = (text: string, at: number) => at > 0 && text[at - 1] === '\r' && text[at] === '\n';

function assertInside(text: string, s: Span, what: string): void {
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: [${s.start}, ${s.end}) is not a pair of integers`);
  assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `${what}: [${s.start}, ${s.end}) is outside the document (length ${text.length})`);
  assert.ok(!splitsPair(text, s.start) && !splitsPair(text, s.end), `${what}: [${s.start}, ${s.end}) splits a surrogate pair`);
}

/** No throw got here; now: no rule failed, and every range of every finding is inside the text. */
function assertSound(text: string, a: Analysis): void {
  assert.deepEqual(
    a.failures.map((f) => `${f.ruleId}: ${(f.error as Error)?.stack ?? String(f.error)}`),
    [],
    'rules failed',
  );
  for (const d of a.diagnostics) {
    assertInside(text, d.span, `${d.ruleId} span`);
    for (const r of d.related ?? []) assertInside(text, r.span, `${d.ruleId} related "${r.message}"`);
    for (const fix of [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? [])]) {
      for (const e of fix.edits) assertInside(text, e, `${d.ruleId} edit of "${fix.title}"`);
    }
  }
}

const lineBreaks = (s: string): string[] => s.match(/\r\n|\r|\n/g) ?? [];

/** `after` is `before` with exactly `edits` applied: every byte outside them is unchanged. */
function assertOnlyEdited(before: string, after: string, edits: TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let from = 0; // in `before`
  let at = 0; // in `after`
  for (const e of sorted) {
    assertInside(before, e, 'applied edit');
    assert.ok(e.start >= from, `applied edits overlap at ${e.start}`);
    assert.ok(!splitsCrlf(before, e.start) && !splitsCrlf(before, e.end), `an edit [${e.start}, ${e.end}) splits a CRLF`);
    // A fix replaces text within lines: it never adds, drops or restyles a line break.
    assert.deepEqual(lineBreaks(e.newText), lineBreaks(before.slice(e.start, e.end)), `edit [${e.start}, ${e.end}) changes line breaks`);
    const kept = before.slice(from, e.start);
    assert.equal(after.slice(at, at + kept.length), kept, `text before offset ${e.start} changed outside the fixes`);
    at += kept.length;
    assert.equal(after.slice(at, at + e.newText.length), e.newText);
    at += e.newText.length;
    from = e.end;
  }
  assert.equal(after.slice(at), before.slice(from), 'text after the last fix changed');
}

/** fix-all, replayed pass by pass to see what each pass edited, then checked against fixAll itself. */
function assertFixAllSound(text: string, cfg: EffectiveConfig): void {
  const fixed = fixAll({ text, config: cfg });
  if (fixed.applied.length === 0) {
    assert.equal(fixed.text, text);
    return;
  }
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const analysis = analyze({ text: current, config: cfg });
    assertSound(current, analysis);
    const { text: next, applied } = applyFixes(current, analysis.diagnostics.flatMap((d) => (d.fix ? [d.fix] : [])));
    if (applied.length === 0) break;
    assertOnlyEdited(current, next, applied.flatMap((f) => f.edits));
    current = next;
  }
  assert.equal(fixed.text, current, 'fixAll differs from its passes');
  assert.equal(fixed.text.startsWith('\uFEFF'), text.startsWith('\uFEFF'), 'a leading BOM was added or removed');
  const again = fixAll({ text: fixed.text, config: cfg });
  assert.equal(again.text, fixed.text, 'fix-all is not idempotent: fixing the fixed text changed it');
  assert.equal(again.applied.length, 0);
}

// ---------------------------------------------------------------------------------------------
// Mojibake, made the way it happens: UTF-8 bytes read through a single-byte code page

/** Byte 0x80 + i as the platform's TextDecoder reads it, or undefined when it lacks the label. */
function codePageTable(label: string): string[] | undefined {
  try {
    // `stream: true` takes ICU's path: Node 20's one-shot windows-1252 fast path decodes as Latin-1.
    const decoder = new TextDecoder(label);
    const chars = Array.from({ length: 128 }, (_, i) => decoder.decode(Uint8Array.of(0x80 + i), { stream: true }));
    if (chars.some((c) => c.length !== 1) || (label === 'windows-1252' && chars[0] !== '\u20ac')) return undefined;
    return chars;
  } catch {
    return undefined; // a Node built without full ICU
  }
}

const CODE_PAGES = ['windows-1252', 'windows-1254', 'macintosh']
  .map((label) => ({ label, table: codePageTable(label) }))
  .filter((p): p is { label: string; table: string[] } => p.table !== undefined);

const utf8 = new TextEncoder();

/** `text` as UTF-8, decoded through `table`; bytes the page lacks stay as C1 stand-ins or are lost. */
function garble(text: string, table: string[], lost: 'c1' | 'drop'): string {
  let out = '';
  for (const b of utf8.encode(text)) {
    if (b < 0x80) {
      out += String.fromCharCode(b);
      continue;
    }
    const c = table[b - 0x80];
    const undefinedByte = c === String.fromCharCode(b) || c === '\uFFFD';
    if (!(undefinedByte && lost === 'drop')) out += c;
  }
  return out;
}

// What reports garble: status marks, typography, accented letters, and any symbol or emoji.
const garbleSource = fc.oneof(
  fc.constantFrom('✅', '❌', '⚠️', '🚀', '📊', '🎯', '—', '–', '’', '“', '”', '…', '°', '±', '×', '→', '≤', '≥', '€', '™', 'é', 'ü', 'ß', 'ñ', 'ç', 'µs', 'Ü'),
  fc.integer({ min: 0x2000, max: 0x2bff }).map((cp) => String.fromCodePoint(cp)),
  fc.integer({ min: 0x1f300, max: 0x1faff }).map((cp) => String.fromCodePoint(cp)),
  fc.integer({ min: 0xa0, max: 0x24f }).map((cp) => String.fromCodePoint(cp)),
);

const mojibake = CODE_PAGES.length
  ? fc
      .record({
        source: fc.array(garbleSource, { minLength: 1, maxLength: 3 }).map((a) => a.join('')),
        page: fc.constantFrom(...CODE_PAGES),
        lost: fc.constantFrom<'c1' | 'drop'>('c1', 'c1', 'drop'),
        twice: fc.boolean(),
      })
      .map(({ source, page, lost, twice }) => {
        const once = garble(source, page.table, lost);
        return twice ? garble(once, page.table, lost) : once;
      })
  : fc.constant('âœ…');

// ---------------------------------------------------------------------------------------------
// Characters and numbers

/** Any code point of any plane, a surrogate code point coming out as a lone surrogate. */
const anyCodePoint = fc
  .integer({ min: 0, max: 16 })
  .chain((plane) => fc.integer({ min: plane * 0x10000, max: plane * 0x10000 + 0xffff }))
  .map((cp) => (cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp)))
  .filter((c) => c !== '\u0000'); // NUL makes a file binary: it has properties of its own below
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u));
/** Invisible and odd characters: controls, BOM, joiners, odd spaces and line separators. */
const oddChar = fc.constantFrom('\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u00a0', '\u00ad', '\u200b', '\u200d', '\u2028', '\u2029', '\u202f', '\ufe0f', '\ufeff', '\ufffd', '\uffff');

const hugeNumber = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 400n }).map(String), // hundreds of digits
  fc.double().map(String), // NaN, Infinity, -0, 5e-324, 1.7976931348623157e+308
  fc.constantFrom('1e308', '1e309', '9'.repeat(16), '9'.repeat(22), '1' + ',000'.repeat(30), '1' + ' 000'.repeat(12), '0.' + '0'.repeat(40) + '1'),
);
const number = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 100_000 }).map(String) },
  { weight: 2, arbitrary: fc.constantFrom('1,234', '1.234,5', '1 234', '0.5', '99.9', '-5', '+5', '−5', '5-10', '5–10', '15/25', '1,2,3', '0x1F', '2026-01-18', '23:59', '10.0.0.1:5432', '1.2.3', '3x512') },
  { weight: 1, arbitrary: hugeNumber },
);
const unit = fc.constantFrom('', 'ms', ' ms', 's', ' s', 'm', 'h', 'µs', '%', ' %', 'MB', ' GiB', ' req/s', ' requests per second', ' rps', ' users', ' requests', ' errors', 'm CPU', ' cores', 'x', '+', '/100');
const qualifier = fc.constantFrom('', '', '~', '< ', '>= ', '≤', 'about ', 'at least ', 'between ', 'from ');
const quantity = fc.tuple(qualifier, number, unit).map(([q, n, u]) => `${q}${n}${u}`);

// Words reports are made of: labels, statistics, verdicts and marks, Markdown punctuation.
const word = fc.constantFrom(
  'Latency', 'p50', 'p95', 'p99', '95th percentile', 'Avg response time', 'Throughput', 'Total requests', 'requests', 'Duration',
  'users', 'VUs', 'concurrent users', 'Error rate', 'Failed', 'Passed', 'Score', 'Overall score', 'Total', 'target', 'SLA',
  'Target', 'vs', 'before', 'after', 'change', 'CPU', 'memory', 'k6', 'warm-up', 'runs', 'over', 'and', 'to', 'of', 'per', 'Summary',
  'PASS', 'FAIL', 'OK', 'N/A', 'TBD', 'Not measured', 'Planned', 'Production ready', 'meets all targets', 'Weight', 'growth',
  '✅', '❌', '⚠️', '🟢', '×', '→', '≈', '(', ')', ':', '/', '|', '\\|', '-', '–', '—', '.', ',', ';', '*', '**', '_', '`', '#',
  '[', ']', '<br>', '&lt;', '<!--', '-->', '~~', 'http://x.test/a_b', '[link](http://x.test)', '<b>',
);
const token = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 5, arbitrary: quantity },
  { weight: 2, arbitrary: mojibake },
  { weight: 2, arbitrary: anyCodePoint },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: oddChar },
);
const separator = fc.constantFrom(' ', ' ', ' ', '', '  ', '\t', ': ', ' | ', '**', '`');
/** A stretch of inline text: tokens with spaces, emphasis or nothing between them. */
const phrase = fc.array(fc.tuple(token, separator), { maxLength: 10 }).map((parts) => parts.map(([t, s]) => t + s).join(''));

// ---------------------------------------------------------------------------------------------
// Blocks, each a list of lines

type Lines = string[];
const marker = fc.constantFrom('-', '*', '+', '1.', '2)', '- [ ]', '- [x]', '•');

const heading = fc
  .tuple(fc.integer({ min: 1, max: 7 }), phrase, fc.boolean())
  .map(([depth, text, close]): Lines => [`${'#'.repeat(depth)} ${text}${close ? ` ${'#'.repeat(depth)}` : ''}`]);
const setextHeading = fc.tuple(phrase, fc.constantFrom('===', '---', '=', '======')).map(([text, rule]): Lines => [text, rule]);
const paragraph = fc.array(phrase, { minLength: 1, maxLength: 4 });
const keyValues = fc.array(
  fc.tuple(fc.constantFrom('', '- ', '* ', '1. ', '**'), word, fc.constantFrom(':', ':**', '**:', ' :'), phrase).map(([lead, key, colon, value]) => `${lead}${key}${colon} ${value}`),
  { minLength: 1, maxLength: 6 },
);
// GFM tables with ragged rows: too few cells, too many, none; escaped pipes; pipes at the ends or not.
const table = fc
  .record({
    header: fc.array(phrase, { minLength: 1, maxLength: 6 }),
    align: fc.constantFrom('---', ':---', '---:', ':---:', '-'),
    rows: fc.array(fc.array(phrase, { maxLength: 8 }), { maxLength: 8 }),
    outer: fc.boolean(),
  })
  .map(({ header, align, rows, outer }): Lines => {
    const row = (cells: string[]) => (outer ? `| ${cells.join(' | ')} |` : cells.join(' | '));
    return [row(header), row(header.map(() => align)), ...rows.map(row)];
  });
// Plain-text tables: columns separated by tabs, runs of spaces or pipes.
const plainTable = fc
  .tuple(fc.constantFrom('\t', '  ', '    ', ' | '), fc.array(fc.array(fc.oneof(word, quantity), { minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 6 }))
  .map(([sep, rows]): Lines => rows.map((cells) => cells.join(sep)));
// Fences, closed or not: an unclosed fence runs to the end of the document.
const fence = fc
  .tuple(fc.constantFrom('```', '~~~', '````', '   ```'), fc.constantFrom('', 'text', 'js'), fc.array(phrase, { maxLength: 4 }), fc.boolean())
  .map(([f, lang, body, closed]): Lines => [f + lang, ...body, ...(closed ? [f.trim()] : [])]);
// Lists nested by indentation, up to 60 levels (and at random, broken nesting).
const list = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 60 }), marker, phrase).map(([depth, m, text]) => `${'  '.repeat(depth)}${m} ${text}`),
  { minLength: 1, maxLength: 8 },
);
// Block quotes nested up to 60 deep, some holding list items.
const quote = fc.array(
  fc.tuple(fc.integer({ min: 1, max: 60 }), fc.boolean(), fc.oneof(phrase, marker.map((m) => `${m} item`))).map(([depth, spaced, text]) => (spaced ? '> '.repeat(depth) : '>'.repeat(depth)) + text),
  { minLength: 1, maxLength: 6 },
);
// HTML comments: suppression directives well and badly formed, unclosed ones, multi-line ones.
const ruleIds = [...rules.map((r) => r.meta.id), 'no-such-rule', '*'];
const directive = fc
  .tuple(
    fc.constantFrom('disable', 'enable', 'disable-next-line', 'disable-line', 'disable-file', 'disable-nextline', 'DISABLE'),
    fc.array(fc.constantFrom(...ruleIds), { maxLength: 3 }),
    fc.constantFrom(' ', ', ', ',', '  '),
    fc.constantFrom('', ' ', '\t'),
  )
  .map(([kind, ids, sep, pad]) => `<!--${pad}readiness-lint-${kind}${ids.length ? ` ${ids.join(sep)}` : ''}${pad} -->`);
const comment = fc.oneof(
  directive.map((d): Lines => [d]),
  fc.tuple(directive, phrase).map(([d, text]): Lines => [`${d} ${text}`, text]),
  phrase.map((text): Lines => [`<!-- ${text}`, `${text} -->`]),
  phrase.map((text): Lines => [`<!-- readiness-lint-disable ${text}`]), // never closed
);
// HTML blocks that only their closing text ends (blank lines inside), closed or not.
const htmlBlock = fc
  .tuple(fc.constantFrom(['<pre>', '</pre>'], ['<script>', '</script>'], ['<?php', '?>'], ['<!DOCTYPE', '>'], ['<![CDATA[', ']]>'], ['<div>', '</div>']), fc.array(phrase, { maxLength: 4 }), fc.boolean())
  .map(([[open, close], body, closed]): Lines => [open, ...body, ...(closed ? [close] : [])]);
const thematicBreak = fc.constantFrom<Lines>(['---'], ['***'], ['___'], ['- - -']);
const rawLine = fc
  .oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: fc.oneof(anyCodePoint, loneSurrogate, oddChar), maxLength: 20 }))
  .map((s): Lines => [s.replace(/\u0000/g, '')]);

const block = fc.oneof(
  { weight: 3, arbitrary: heading },
  { weight: 1, arbitrary: setextHeading },
  { weight: 4, arbitrary: paragraph },
  { weight: 4, arbitrary: keyValues },
  { weight: 3, arbitrary: table },
  { weight: 1, arbitrary: plainTable },
  { weight: 1, arbitrary: fence },
  { weight: 1, arbitrary: htmlBlock },
  { weight: 2, arbitrary: list },
  { weight: 2, arbitrary: quote },
  { weight: 2, arbitrary: comment },
  { weight: 1, arbitrary: thematicBreak },
  { weight: 1, arbitrary: rawLine },
);

// ---------------------------------------------------------------------------------------------
// Documents

const EOLS = ['\n', '\r\n', '\r'];
/** One line-break style for the whole document, or several cycled through (mixed endings). */
const lineBreakStyle = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EOLS).map((e) => [e]) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...EOLS), { minLength: 2, maxLength: 5 }) },
);

function joinLines(lines: string[], eols: string[], finalEol: boolean): string {
  return lines.map((l, i) => l + (i < lines.length - 1 || finalEol ? eols[i % eols.length] : '')).join('');
}

const document = fc
  .record({
    bom: fc.boolean(),
    frontMatter: fc.boolean(),
    blocks: fc.array(block, { maxLength: 10 }),
    blankBetween: fc.boolean(),
    eols: lineBreakStyle,
    finalEol: fc.boolean(),
  })
  .map(({ bom, frontMatter, blocks, blankBetween, eols, finalEol }) => {
    const lines = frontMatter ? ['---', 'title: report', '---'] : [];
    for (const b of blocks) lines.push(...b, ...(blankBetween ? [''] : []));
    return (bom ? '\uFEFF' : '') + joinLines(lines, eols, finalEol);
  });

/** Documents with mojibake for the fixes to repair, spread among the blocks. */
const documentWithFixes = fc
  .tuple(document, fc.array(fc.tuple(mojibake, fc.nat()), { minLength: 1, maxLength: 6 }))
  .map(([doc, runs]) => {
    let text = doc;
    for (const [run, at] of runs) {
      let i = at % (text.length + 1);
      if (splitsPair(text, i) || splitsCrlf(text, i)) i--;
      const bom = text.startsWith('\uFEFF') ? 1 : 0;
      i = Math.max(i, bom); // a BOM stays first
      text = `${text.slice(0, i)} ${run} ${text.slice(i)}`;
    }
    return text;
  });

// ---------------------------------------------------------------------------------------------
// Properties

test('analysis never throws, no rule fails, every range is inside the document', (t) => {
  fc.assert(
    fc.property(document, config, (text, cfg) => {
      assertSound(text, analyze({ text, config: cfg }));
    }),
    params(60),
  );
  t.diagnostic(`seed ${SEED}, ${runs(60)} documents`);
});

test('fix-all is idempotent and changes only the text the fixes name, line endings and BOM kept', (t) => {
  fc.assert(
    fc.property(documentWithFixes, config, (text, cfg) => {
      assertFixAllSound(text, cfg);
    }),
    params(25),
  );
  t.diagnostic(`seed ${SEED}, ${runs(25)} documents`);
});

test('a disable-file directive silences every rule, whatever follows it', (t) => {
  fc.assert(
    fc.property(document, (doc) => {
      const text = `<!-- readiness-lint-disable-file -->\n\n${doc}`;
      const a = analyze({ text, config: ALWAYS });
      assertSound(text, a);
      assert.deepEqual(a.diagnostics.map((d) => d.ruleId), []);
    }),
    params(20),
  );
  t.diagnostic(`seed ${SEED}, ${runs(20)} documents`);
});

// A NUL byte in the first 8 KiB makes a file binary (skipped, one reason, no findings); later
// ones are ordinary characters to every rule.
test('NUL bytes: binary files are skipped, a NUL after the sampled head is analysed soundly', (t) => {
  // 8,200 characters in a comment, past the 8,192 sampled, and cheap to analyse.
  const filler = `<!-- ${'filler '.repeat(1170)} -->\n\n`;
  fc.assert(
    fc.property(document, fc.nat(), fc.boolean(), (doc, at, late) => {
      const base = late ? filler + doc : doc;
      const i = late ? filler.length + (at % (doc.length + 1)) : at % (base.length + 1);
      const text = `${base.slice(0, i)}\u0000${base.slice(i)}`;
      const a = analyze({ text, config: ALWAYS });
      if (i < 8192) {
        assert.match(a.skipped ?? '', /binary/);
        assert.deepEqual(a.diagnostics, []);
        assert.equal(a.model, undefined);
      } else {
        assert.equal(a.skipped, undefined);
        assertSound(text, a);
      }
    }),
    params(15),
  );
  t.diagnostic(`seed ${SEED}, ${runs(15)} documents`);
});

// The CLI's path: bytes (valid UTF-8 or not: a legacy code page, stray high bytes) -> text -> analysis.
test('any bytes read as the CLI reads them analyse soundly', (t) => {
  const corrupted = fc
    .tuple(document, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })), { maxLength: 6 }), fc.boolean())
    .map(([doc, hits, bom]) => {
      const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(doc, 'utf8')]);
      for (const [at, b] of hits) if (bytes.length) bytes[at % bytes.length] = b;
      return new Uint8Array(bytes);
    });
  fc.assert(
    fc.property(fc.oneof(corrupted, fc.uint8Array({ maxLength: 300 }).filter((b) => !b.includes(0))), config, (bytes, cfg) => {
      const source = readSource(bytes);
      const a = analyze({ text: source.text, bytes, config: cfg });
      assert.equal(a.skipped, undefined);
      assertSound(source.text, a);
      // (unless a directive in the text, garbled or not, turned the rule off)
      if (!source.validUtf8 && !source.text.includes('readiness-lint-')) assert.ok(a.diagnostics.some((d) => d.ruleId === 'not-utf8'), 'invalid UTF-8 without a not-utf8 finding');
    }),
    params(50),
  );
  t.diagnostic(`seed ${SEED}, ${runs(50)} byte strings`);
});

// ---------------------------------------------------------------------------------------------
// The model read block by block (model/markdown-blocks.ts) is the model of the whole document

/** The model as data (sections by index: they link to their parents). */
function modelData(m: DocumentModel): string {
  const section = (s?: Section) => s?.index;
  return JSON.stringify({
    sections: m.sections.map((s) => [s.title, s.depth, s.headingSpan, s.span, section(s.parent), s.path]),
    textLines: m.textLines.map((t) => ({ ...t, section: section(t.section) })),
    keyValues: m.keyValues.map((kv) => ({ ...kv, line: kv.line.span })),
    tables: m.tables.map((t) => ({ ...t, section: section(t.section) })),
    codeSpans: m.codeSpans,
    comments: m.comments,
    mojibake: m.mojibake,
    looksLikeReport: m.looksLikeReport,
  });
}

test('the Markdown model read block by block equals the model read in one piece', (t) => {
  fc.assert(
    fc.property(document, (text) => {
      assert.equal(modelData(buildModel(text, markdownCache())), modelData(buildModel(text)));
    }),
    params(150),
  );
  t.diagnostic(`seed ${SEED}, ${runs(150)} documents`);
});

// Edits that open and close what runs across blocks (fences, HTML, comments), join and split blocks.
const insertion = fc.oneof(phrase, fc.constantFrom('\n', '\n\n', '\r\n', '```', '\n```\n', '~~~', '<!--', '-->', '<pre>', '</pre>', '# ', '| a |', '    ', '- ', '> '));
const edit = fc.tuple(fc.nat(), fc.nat({ max: 40 }), insertion);

test('after any edits, the model built from the cache of earlier versions equals a fresh one', (t) => {
  fc.assert(
    fc.property(document, fc.array(edit, { minLength: 1, maxLength: 8 }), (doc, edits) => {
      const cache = markdownCache();
      let text = doc;
      buildModel(text, cache);
      for (const [at, length, inserted] of edits) {
        const start = at % (text.length + 1);
        text = text.slice(0, start) + inserted + text.slice(Math.min(text.length, start + length));
        assert.equal(modelData(buildModel(text, cache)), modelData(buildModel(text)));
      }
    }),
    params(60),
  );
  t.diagnostic(`seed ${SEED}, ${runs(60)} documents, up to 8 edits each`);
});
