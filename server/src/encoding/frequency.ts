// How likely a character is to be the one a damaged sequence stood for: its commonness in text at
// large, raised for the characters legacy code pages chose to carry, for the emoji and symbols
// reports are written with, and for the letters each alphabet uses most.
import { charInfo } from './chars';
import { LEGACY_REPERTOIRE } from './codepages';

/**
 * Emoji that status and readiness reports lean on, most frequent first: the frequency prior among
 * emoji that fit the same gap equally well (a lost byte in "ğŸ¯" leaves 🍯 🎯 🏯 🐯 standing).
 * Compiled by hand from the way such reports mark status, sections and findings.
 */
const REPORT_EMOJI = [
  '✅', '❌', '⚠️', '🚀', '📊', '📈', '🎯', '🔍', '📝', '💡', '🔒', '🏆', '🎉', '✨', '📋', '🔧', '🛠️', '⚡',
  '🐛', '🏗️', '📦', '🧪', '🔥', '⏱️', '📉', '🟢', '🔴', '🟡', '⭐', '📌', '📁', '📄', '🔗', '💻', '🖥️', '🌐',
  '🔐', '🔄', '⏳', '📅', '👍', '❓', '❗', 'ℹ️', '🚨', '🛡️', '🔑', '💰', '📣', '🧹', '🧩', '🎨', '✔️', '✖️',
  '➡️', '🆕', '📚', '📖', '🗂️', '🗄️', '💾', '🧠', '👀', '🤖', '📞', '📐', '📏', '♻️', '🌟', '💪', '🎊', '🏁',
  '🚧', '🛑', '⛔', '🔔', '📢', '🧰', '⚙️', '🔨', '👥', '👤', '📬', '🔎', '🟠', '🔵', '⚪', '⚫', '🏃', '📍',
];

/** Symbols beyond the legacy code pages that reports draw marks, bullets, tables and bounds with. */
const REPORT_SYMBOLS = '✓✔✗✘☐☑☒★☆◦▪▫►▶◀▲▼△▽◆◇○●□■←→↑↓↔⇒⇐⇔─│┌┐└┘├┤┬┴┼═║╔╗╚╝░▒▓█≤≥≈≠√∞′″';

const PRIOR = new Map([
  ...Array.from(REPORT_SYMBOLS, (c) => [c.codePointAt(0)!, 1] as const),
  ...REPORT_EMOJI.map((e, i) => [e.codePointAt(0)!, 3 * (1 - i / REPORT_EMOJI.length)] as const),
]);

/** Locales and the names (of countries and languages) whose letters sample each alphabet. */
const SAMPLE_LOCALES = ['fr', 'de', 'es', 'pt', 'pl', 'cs', 'hu', 'ro', 'tr', 'vi', 'el', 'ru', 'uk', 'sr', 'he', 'ar'];
const SAMPLE_REGIONS = 'AT BE BG BR CA CH CN CZ DE DK EE EG ES FI FR GB GR HR HU IE IL IN IS IT JP KR LT LV MX NL NO PL PT RO RS RU SE SI SK TR UA US VN ZA'.split(' ');
const SAMPLE_LANGUAGES = 'ar bg cs da de el en es et fi fr he hi hr hu it ja ko lt lv nl no pl pt ro ru sk sl sr sv th tr uk vi zh'.split(' ');

let letterShares: Map<number, number> | undefined;

/**
 * Share of each letter among the letters of its script in CLDR's names of countries and languages,
 * across the locales that write in it: the letter frequencies of a small real corpus. Computed
 * once, when a damaged letter first needs ranking.
 */
export function letterShare(cp: number): number {
  if (!letterShares) {
    const counts = new Map<number, number>();
    const totals = new Map<string, number>();
    for (const locale of SAMPLE_LOCALES) {
      const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
      const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
      const names = [...SAMPLE_REGIONS.map((r) => regions.of(r)), ...SAMPLE_LANGUAGES.map((l) => languages.of(l))];
      for (const name of names) {
        for (const c of (name ?? '').toLowerCase()) {
          const code = c.codePointAt(0)!;
          const info = charInfo(code);
          if (!info.letter) continue;
          counts.set(code, (counts.get(code) ?? 0) + 1);
          totals.set(info.script, (totals.get(info.script) ?? 0) + 1);
        }
      }
    }
    letterShares = new Map([...counts].map(([code, n]) => [code, n / totals.get(charInfo(code).script)!]));
  }
  const lower = String.fromCodePoint(cp).toLowerCase().codePointAt(0)!;
  return letterShares.get(lower) ?? 0;
}

export function likelihood(cp: number): number {
  const info = charInfo(cp);
  const letter = info.letter && info.script !== 'Han' && info.script !== 'Hangul' ? Math.sqrt(letterShare(cp)) : 0;
  return info.commonness + (LEGACY_REPERTOIRE.has(cp) ? 0.5 : 0) + (PRIOR.get(cp) ?? 0) + letter;
}
