import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODE_PAGES, describeCodePoint, detectLegacyEncoding, findMojibake, garble } from '../../server/src/encoding';
import { isFullyQualified } from '../../server/src/encoding/emoji';
import unicodeNames from 'emojibase-data/meta/unicode-names.json';
import { SEEDS } from '../helpers';

interface Expected {
  files: { file: string; encoding_lines: number[] }[];
  repairs: Record<string, { to: string; ambiguous?: boolean }>;
}

function page(name: string) {
  const found = CODE_PAGES.find((p) => p.name === name);
  assert.ok(found, name);
  return found;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function only(text: string) {
  const runs = findMojibake(text);
  assert.equal(runs.length, 1, `one run in ${JSON.stringify(text)}, got ${JSON.stringify(runs.map((r) => r.text))}`);
  return runs[0];
}

describe('code page tables', () => {
  test('are built from the platform decoders, with the bytes each page leaves undefined', () => {
    assert.equal(page('windows-1252').chars[0], '€');
    assert.equal(page('windows-1252').chars[0x9c - 0x80], 'œ');
    assert.equal(page('windows-1254').chars[0xf0 - 0x80], 'ğ');
    assert.equal(page('macintosh').chars[0xc3 - 0x80], '√');
    assert.equal(page('iso-8859-1').chars[0], '\u0080');
    assert.deepEqual(page('windows-1252').undefinedBytes, [0x81, 0x8d, 0x8f, 0x90, 0x9d]);
    assert.deepEqual(page('windows-1254').undefinedBytes, [0x81, 0x8d, 0x8e, 0x8f, 0x90, 0x9d, 0x9e]);
    assert.deepEqual(page('windows-1250').undefinedBytes, [0x81, 0x83, 0x88, 0x90, 0x98]);
    assert.deepEqual(page('windows-1251').undefinedBytes, [0x98]);
    for (const name of ['iso-8859-1', 'macintosh', 'cp437']) assert.deepEqual(page(name).undefinedBytes, []);
  });

  test('reverse maps give every character its byte back', () => {
    for (const p of CODE_PAGES) {
      p.chars.forEach((c, i) => {
        if (c) assert.equal(p.byteOf.get(c.charCodeAt(0)), 0x80 + i, `${p.name} ${c}`);
      });
    }
  });

  test('CP437 agrees with IBM866 on the box drawing both inherited from the IBM PC (0xB0–0xDF)', () => {
    const high = Uint8Array.from({ length: 0x30 }, (_, i) => 0xb0 + i);
    assert.equal(page('cp437').chars.slice(0x30, 0x60).join(''), new TextDecoder('ibm866').decode(high));
  });
});

describe('emoji data', () => {
  test('fully-qualified sequences derived from the package are RGI emoji', () => {
    const rgi = new RegExp('^\\p{RGI_Emoji}$', 'v'); // the v flag is newer than the ES2022 target
    let checked = 0;
    for (const hexcode of Object.keys(unicodeNames)) {
      const cps = hexcode.split('-').map((h) => parseInt(h, 16));
      if (cps.length === 1 && cps[0] >= 0x1f1e6 && cps[0] <= 0x1f1ff) continue; // lone regional indicators
      const text = String.fromCodePoint(...cps);
      const qualified = [text, `${text}\uFE0F`].find(isFullyQualified);
      assert.ok(qualified, hexcode);
      if (rgi.test(qualified)) checked++;
    }
    assert.ok(checked > 3500, `${checked} sequences matched`);
  });

  test('names come from the Unicode data, or from rules, or are left out', () => {
    assert.equal(describeCodePoint(0x2705), 'U+2705 WHITE HEAVY CHECK MARK');
    assert.equal(describeCodePoint(0x1f3af), 'U+1F3AF DIRECT HIT');
    assert.equal(describeCodePoint(0xfe0f), 'U+FE0F VARIATION SELECTOR-16');
    assert.equal(describeCodePoint(0xd7), 'U+00D7 MULTIPLICATION SIGN');
    assert.equal(describeCodePoint(0x2014), 'U+2014 EM DASH');
    assert.equal(describeCodePoint(0xe9), 'U+00E9 LATIN SMALL LETTER E WITH ACUTE');
    assert.equal(describeCodePoint(0x159), 'U+0159 LATIN SMALL LETTER R WITH CARON');
    assert.equal(describeCodePoint(0x6027), 'U+6027 CJK UNIFIED IDEOGRAPH-6027');
    assert.equal(describeCodePoint(0xd55c), 'U+D55C HANGUL SYLLABLE HAN');
    assert.equal(describeCodePoint(0x531), 'U+0531');
  });
});

describe('seed reports', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(SEEDS, 'expected.json'), 'utf8')) as Expected;
  for (const { file, encoding_lines } of expected.files) {
    test(`${file}: runs on exactly the encoding lines, repaired as intended`, () => {
      const text = fs.readFileSync(path.join(SEEDS, file), 'utf8');
      const runs = findMojibake(text);
      assert.deepEqual([...new Set(runs.map((r) => lineOf(text, r.start)))], encoding_lines);
      for (const run of runs) {
        const repair = expected.repairs[run.text];
        assert.ok(repair, `no repair listed for ${JSON.stringify(run.text)} (line ${lineOf(text, run.start)})`);
        assert.equal(run.candidates[0].text, repair.to, `${run.text} (${run.decoder})`);
        assert.equal(run.certain, !repair.ambiguous, `certain for ${run.text}`);
        assert.equal(text.slice(run.start, run.end), run.text);
      }
    });
  }
});

describe('findMojibake', () => {
  test('reads the examples of each code page', () => {
    const cases: [string, string, string][] = [
      ['âœ…', '✅', 'windows-1252'],
      ['ðŸš€', '🚀', 'windows-1252'],
      ['â€”', '—', 'windows-1252'],
      ['ğŸš€', '🚀', 'windows-1254'],
      ['‚úÖ', '✅', 'macintosh'],
      ['√ó', '×', 'macintosh'],
      ['‚ö†Ô∏è', '⚠️', 'macintosh'],
      ['\uF8FFüìä', '📊', 'macintosh'],
      ['Γ£à', '✅', 'cp437'],
      [garble('Тест', 'windows-1252'), 'Тест', 'windows-1252'], // с is D1 81: 0x81 stays as U+0081
      ['РўРµСЃС‚', 'Тест', 'windows-1251'],
    ];
    for (const [garbled, repaired, decoder] of cases) {
      const run = only(`Status: ${garbled} done`);
      assert.equal(run.text, garbled);
      assert.equal(run.candidates[0].text, repaired, garbled);
      assert.equal(run.decoder, decoder, garbled);
      assert.ok(run.certain);
      assert.equal(run.droppedBytes, 0);
    }
  });

  test('a run is maximal and covers exactly the garbled characters', () => {
    const text = '## ğŸ—ï¸ Infrastructure';
    const run = only(text);
    assert.equal(run.text, 'ğŸ—ï¸');
    assert.deepEqual([run.start, run.end], [3, 3 + 'ğŸ—ï¸'.length]);
    assert.equal(run.candidates[0].text, '🏗️');
    assert.equal(run.droppedBytes, 2);
    assert.equal(run.certain, false);
    assert.deepEqual(run.bytes, [0xf0, 0x9f, 0x97, 0xef, 0xb8]);
  });

  test('a byte lost to an undefined code point leaves several candidates, the intended one first', () => {
    const lost: [string, string][] = [
      ['ðŸ”', '🔍'],
      ['ğŸ¯', '🎯'],
      ['ğŸ†', '🏆'],
      ['ğŸ‰', '🎉'],
      ['â\u0161\u00a0ï¸', '⚠️'],
    ];
    for (const [garbled, intended] of lost) {
      const run = only(`## ${garbled} Summary`);
      assert.equal(run.candidates[0].text, intended, garbled);
      assert.equal(run.certain, false);
      assert.ok(run.candidates.length > 1);
      assert.match(run.candidates[0].codePoints, /^U\+/);
    }
  });

  test('an undefined byte shown as a C1 control is no loss', () => {
    const run = only('## ðŸ”\u008d API');
    assert.equal(run.candidates[0].text, '🔍');
    assert.ok(run.certain);
  });

  test('text decoded wrongly twice is repaired in one go', () => {
    const run = only(`Status: ${garble('✅', 'windows-1252', { times: 2 })} done`);
    assert.equal(run.text, 'Ã¢Å“â€¦');
    assert.equal(run.candidates[0].text, '✅');
    assert.equal(run.decoder, 'windows-1252 twice');
  });

  test('on a line decoded twice, every stretch is read through both layers', () => {
    // "Р’В·" once repaired reads "В·", real-looking Cyrillic; its line shows it went through twice.
    const line = garble('✅ PASS — 99·9% uptime, Ê', 'windows-1251', { times: 2 });
    assert.deepEqual(
      findMojibake(line).map((r) => [r.text, r.candidates[0].text, r.decoder]),
      [
        ['РІСљвЂ¦', '✅', 'windows-1251 twice'],
        ['РІР‚вЂќ', '—', 'windows-1251 twice'],
        ['Р’В·', '·', 'windows-1251 twice'],
        ['Р“Р‰', 'Ê', 'windows-1251 twice'],
      ],
    );
    // With no stretch that shows two layers on its own, each is repaired one layer deep: "Вј" and
    // "ВЅ" could be all there was to it.
    const halves = garble('Price: ¼ of the cost, ½ the time', 'windows-1251', { times: 2 });
    assert.deepEqual(findMojibake(halves).map((r) => r.candidates[0].text), ['Вј', 'ВЅ']);
  });

  test('a line decoded once vouches for nothing else on it, and a run of one layer stands beside two', () => {
    // Real Cyrillic is windows-1251's image of UTF-8 too ("Рі" is г, "её" 帘 with a byte put back).
    for (const line of ['вњ… Время отклика: 12 мс, её медиана — 8 мс', 'Рівень затримки: 12 мс — вњ…', 'Оё тугмаи зомин — вњ…']) {
      assert.deepEqual(findMojibake(line).map((r) => r.text), ['вњ…'], line);
    }
    // "Ã©â€”" read through two layers would need a byte put back (遗): its reading of one, é—, stands.
    assert.deepEqual(findMojibake('Ã¢Å“â€¦ | CafÃ©â€”done').map((r) => r.candidates[0].text), ['✅', 'é—']);
  });

  test('on a line decoded twice that lost bytes, a stretch short of bytes is read as the rest of the line', () => {
    // за is D0 B7 D0 B0: decoded twice through windows-1252, each Ð lost its 0x90 on the way.
    const line = garble('Ключевые метрики собраны за последние 30 дней.', 'windows-1252', { times: 2, undefinedBytes: 'drop' });
    const runs = findMojibake(line);
    assert.deepEqual(runs.map((r) => r.candidates[0].text), ['Ключевые', 'метрики', 'собраны', 'за', 'последние', 'дней']);
    assert.ok(runs.every((r) => r.decoder === 'windows-1252 twice'));
  });

  test('each run of a file is judged on its own code page', () => {
    const text = 'A âœ… B\nC ğŸš€ D\nE ‚úÖ F\nG РўРµСЃС‚ H';
    assert.deepEqual(
      findMojibake(text).map((r) => [r.candidates[0].text, r.decoder]),
      [
        ['✅', 'windows-1252'],
        ['🚀', 'windows-1254'],
        ['✅', 'macintosh'],
        ['Тест', 'windows-1251'],
      ],
    );
  });

  test('leaves real text in many languages and report symbols alone', () => {
    const clean = [
      'Résumé : la latence a baissé de 26 % — c’est « mieux ».',
      'Größe, Übersicht, Straße, Äpfel, schließlich.',
      'NÃO APROVADO em São Paulo; AÇÃO NECESSÁRIA; IRMÃ, MAÇÃ, AMANHÃ.',
      '¿Está listo? ¡Sí! Año, niño, acción.',
      'Doğru değil; ğü öç şı; İstanbul; ÖNEMLİ.',
      'Příliš žluťoučký kůň úpěl ďábelské ódy; neplatný přepínač – %c.',
      'Zażółć gęślą jaźń; ŻÓŁW, ŁÓDŹ, ŚLĄSK.',
      'Η καθυστέρηση είναι 250 ms· Δt = 5 ms, λ = 0,3.',
      'Время отклика 150 мс; ЕЁ проверили; Розділ дії від’ємний.',
      '性能测试结果：平均延迟 12 毫秒。负荷テストの結果：150 ミリ秒。성능 테스트.',
      'Latency 120 µs ± 5 µs at 24 °C; 3 × 512 MB; ≈ 1.2 GB; p99 ≤ 250 ms; ≥ 99.9%; √n.',
      'Cost €1,200 / £950 / ¥180,000; Lint™ and Service®; © 2024; ½ of nodes; 4 Å; 10 m².',
      '┌──┬──┐ │ a│ b│ ├──┼──┤ └──┴──┘ ╔══╗ ║ok║ ╚══╝ ████░░ 80%',
      'Flow → ← ↑ ↓ ⇒; “curly” ‘quotes’ „German“ «French»; en – and em — dashes…',
      'Emoji: ✅ ❌ ⚠️ ⚠ ❤️ ❤ ☺ 🚀 👍🏽 👩‍💻 🏳️‍🌈 🇩🇪 #️⃣.',
      'A lone Â in CHÂTEAU; Â alone; the Ã in IRMÃ.',
    ];
    for (const line of clean) assert.deepEqual(findMojibake(line), [], line);
  });

  test('plain ASCII has no finding, and a long report finds each garbled row', () => {
    // The time this takes is printed by npm run bench (bench-mojibake), not asserted here.
    const ascii = 'The p95 latency was 387 ms against a 500 ms target.\n'.repeat(5000);
    assert.deepEqual(findMojibake(ascii), []);
    const line = (i: number) => `| Check ${i} | ${i % 7 ? '✅ PASS' : 'âœ… PASS'} | p95 ${i} ms — “within” budget ±${i % 9} µs |\n`;
    let report = '';
    let garbled = 0;
    for (let i = 0; report.length < 250_000; i++) {
      report += line(i);
      if (i % 7 === 0) garbled++;
    }
    const runs = findMojibake(report);
    assert.equal(runs.length, garbled);
    assert.ok(runs.every((r) => r.text === 'âœ…' && r.candidates[0].text === '✅'));
  });
});

describe('detectLegacyEncoding', () => {
  const encode = (text: string, name: string) => Uint8Array.from(text, (c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : page(name).byteOf.get(c.charCodeAt(0))!));
  const samples: [string, string][] = [
    ['windows-1252', 'Résumé : la latence est passée de 420 ms à 310 ms. Größe des Heaps: 2 GB; Überprüfung läuft.'],
    ['windows-1252', '¿Está listo para producción? ¡Sí! La latencia media es de 12 ms.'],
    ['windows-1250', 'Příliš žluťoučký kůň úpěl ďábelské ódy. Průměrná odezva 15 ms.'],
    ['windows-1250', 'Zażółć gęślą jaźń. Średni czas odpowiedzi 20 ms, błędów brak.'],
    ['windows-1251', 'Время отклика p95 составило 150 мс при 200 одновременных пользователях.'],
    ['windows-1254', 'Doğru değil: yük testi yalnızca 10 kullanıcıyla yapıldı. İstanbul veri merkezi başarılı.'],
    ['macintosh', 'Résumé : la latence est passée de 420 ms à 310 ms. Größe des Heaps: 2 GB.'],
    ['cp437', 'Größe des Heaps: 2 GB; die Überprüfung läuft. Temperatur: 45 °C ± 2 °C.'],
  ];
  for (const [encoding, text] of samples) {
    test(`names ${encoding} for "${text.slice(0, 30)}…"`, () => {
      const guess = detectLegacyEncoding(encode(text, encoding));
      assert.equal(guess?.encoding, encoding);
      assert.ok(guess.confidence > 0.5 && guess.confidence <= 1, String(guess.confidence));
    });
  }

  test('says nothing about UTF-8 or ASCII, and knows a UTF-16 byte order mark', () => {
    assert.equal(detectLegacyEncoding(new TextEncoder().encode('Größe ✅')), undefined);
    assert.equal(detectLegacyEncoding(new TextEncoder().encode('plain')), undefined);
    assert.deepEqual(detectLegacyEncoding(Uint8Array.of(0xff, 0xfe, 0x41, 0)), { encoding: 'utf-16le', confidence: 1 });
  });
});
