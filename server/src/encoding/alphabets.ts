// The letters each language writes with beyond plain ASCII (lowercase, after its standard
// orthography): accented Latin letters, and whole Cyrillic alphabets. Real words take their
// letters from one alphabet; mojibake mixes them ("Ãœber": ã is Portuguese or Vietnamese, œ
// French; "рџџў": џ is Serbian, ў Belarusian).

const ALPHABETS: Record<string, string> = {
  fr: 'àâæçéèêëîïôœùûüÿ',
  de: 'äöüß',
  es: 'áéíñóúü',
  pt: 'áâãàçéêíóôõúü',
  it: 'àèéìíîòóùú',
  ca: 'àçèéíïòóúü',
  nl: 'áàéèëïóöüú',
  sv: 'åäöé',
  da: 'æøåé',
  fi: 'äöåšž',
  is: 'áðéíóúýþæö',
  fo: 'áðíóúýæø',
  cs: 'áčďéěíňóřšťúůýž',
  sk: 'áäčďéíĺľňóôŕšťúýž',
  pl: 'ąćęłńóśźż',
  hu: 'áéíóöőúüű',
  ro: 'ăâîșşțţ',
  hr: 'čćđšž',
  sl: 'čšž',
  tr: 'çğıöşüâîû',
  az: 'çəğıöşü',
  et: 'äöõüšž',
  lv: 'āčēģīķļņšūž',
  lt: 'ąčęėįšųūž',
  sq: 'çë',
  cy: 'âêîôûŵŷäëïöüÿáéíóúàèìòù',
  ga: 'áéíóú',
  mt: 'àèìòùċġħż',
  eo: 'ĉĝĥĵŝŭ',
  vi: 'àáâãèéêìíòóôõùúýăđĩũơư' + 'ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ',
  ru: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
  uk: 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя',
  be: 'абвгдеёжзійклмнопрстуўфхцчшыьэюя',
  bg: 'абвгдежзийклмнопрстуфхцчшщъьюя',
  sr: 'абвгдђежзијклљмнњопрстћуфхцчџш',
  mk: 'абвгдѓежзѕијклљмнњопрстќуфхцчџш',
  kk: 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя',
};

const SETS = Object.entries(ALPHABETS).map(([language, letters]) => [language, new Set(letters)] as const);

/** Languages whose alphabet holds every one of `letters` (lowercase, beyond ASCII). */
export function languagesWriting(letters: Iterable<string>): string[] {
  const wanted = [...new Set(letters)];
  return SETS.filter(([, set]) => wanted.every((l) => set.has(l))).map(([language]) => language);
}
