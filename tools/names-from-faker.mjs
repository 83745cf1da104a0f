// Adds given names and surnames from Faker's locale data (MIT, github.com/faker-js/faker), and
// compound names (see COMPOUNDS below), to the traffic generator's name tables, so that generated
// travellers and generated watch lists have the spread of names real ones have (tens of
// thousands, not a few per culture). The output is appended to names.csv, minus rows it has.
//
//   cd /tmp && npm pack @faker-js/faker@10.6.0 && tar xzf faker-js-faker-10.6.0.tgz
//   node tools/names-from-faker.mjs /tmp/package > /tmp/faker-names.csv
//
// Names are written as a machine-readable zone holds them (ICAO 9303): capitals, Ä as AE, ß as
// SS, other marks dropped, Cyrillic transliterated.
import { pathToFileURL } from 'node:url';

const faker = await import(pathToFileURL(process.argv[2] + '/dist/index.js').href);

// Our culture: Faker locales that write its names in Latin letters (or Cyrillic for Russian).
const CULTURES = {
  english: ['en', 'en_AU', 'en_ZA'],
  german: ['de'],
  french: ['fr', 'fr_CH'],
  italian: ['it'],
  spanish: ['es', 'es_MX'],
  portuguese: ['pt_BR', 'pt_PT'],
  dutch: ['nl'],
  nordic: ['sv', 'nb_NO', 'da', 'fi'],
  polish: ['pl'],
  turkish: ['tr'],
  vietnamese: ['vi'],
  west_african: ['yo_NG', 'en_NG', 'en_GH'],
  indian: ['en_IN'],
  malay: ['id_ID'],
  russian: ['ru'],
};

const LATIN = { 'Ä': 'AE', 'Ö': 'OE', 'Ü': 'UE', 'ß': 'SS', 'Å': 'AA', 'Æ': 'AE', 'Ø': 'OE',
  'Œ': 'OE', 'Þ': 'TH', 'Ł': 'L', 'Đ': 'D', 'Ð': 'D', 'İ': 'I', 'I': 'I', 'Ħ': 'H', 'Ŀ': 'L' };
const CYRILLIC = { 'А': 'A', 'Б': 'B', 'В': 'V', 'Г': 'G', 'Д': 'D', 'Е': 'E', 'Ё': 'E',
  'Ж': 'ZH', 'З': 'Z', 'И': 'I', 'Й': 'I', 'К': 'K', 'Л': 'L', 'М': 'M', 'Н': 'N', 'О': 'O',
  'П': 'P', 'Р': 'R', 'С': 'S', 'Т': 'T', 'У': 'U', 'Ф': 'F', 'Х': 'KH', 'Ц': 'TS', 'Ч': 'CH',
  'Ш': 'SH', 'Щ': 'SHCH', 'Ъ': 'IE', 'Ы': 'Y', 'Ь': '', 'Э': 'E', 'Ю': 'IU', 'Я': 'IA' };

function mrz(name) {
  let out = '';
  for (const ch of name.toLocaleUpperCase('en')) {
    if (ch in CYRILLIC) out += CYRILLIC[ch];
    else if (ch in LATIN) out += LATIN[ch];
    else out += ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  out = out.replace(/\s+/g, ' ').trim();
  return /^[A-Z][A-Z' -]*[A-Z]$/.test(out) && out.length <= 24 ? out : null;
}

const list = (x, key) => (x == null ? [] : Array.isArray(x) ? x : (x[key] ?? []));

const rows = [];
for (const [culture, locales] of Object.entries(CULTURES)) {
  const seen = new Set();
  const add = (kind, name, gender) => {
    const n = mrz(name);
    if (n && !seen.has(kind + gender + n)) {
      seen.add(kind + gender + n);
      rows.push(`${culture},${kind},${n},${gender}`);
    }
  };
  for (const l of locales) {
    const p = faker[l].person;
    for (const g of ['female', 'male']) {
      for (const n of list(p.first_name, g)) add('given', n, g === 'female' ? 'F' : 'M');
    }
    // Russian and Polish surnames are kept in the masculine form: the generator derives the
    // feminine one.
    const surnames = culture === 'russian' ? list(p.last_name, 'male')
      : [...list(p.last_name, 'generic'), ...list(p.last_name, 'male')];
    for (const n of surnames) {
      if (culture === 'polish' && /(SKA|CKA|DZKA)$/.test(mrz(n) ?? '')) continue;
      add('surname', n, '');
    }
  }
}
console.log(rows.join('\n'));

// Compound names, for cultures whose names are built from a small stock of parts rather than
// drawn from a list: most Chinese and Korean given names are two syllables freely combined, and
// Thai surnames are compounds (the law makes each family's unique). Without these, every Chinese,
// Korean and Thai traveller would share a full name with dozens of entries of a large list.
const COMPOUNDS = {
  chinese: {
    F: ['MEI', 'LING', 'XIU', 'YING', 'HUI', 'YAN', 'JING', 'FANG', 'LAN', 'TING', 'XIN', 'YUE',
      'QIAN', 'NA', 'LI', 'JUAN', 'HONG', 'XIA', 'YUN', 'SHU', 'QIN', 'WEN', 'ZHEN', 'DAN'],
    M: ['WEI', 'JUN', 'JIE', 'TAO', 'LEI', 'QIANG', 'HAO', 'MING', 'GANG', 'BIN', 'PENG', 'HUA',
      'JIAN', 'YONG', 'CHAO', 'LONG', 'FENG', 'BO', 'KAI', 'XIANG', 'ZHI', 'GUO', 'DONG', 'HAN'],
    shared: ['XIAO', 'JIA', 'YU', 'ZI', 'YI', 'SI', 'CHEN', 'RUI', 'XIN', 'AN', 'YANG', 'JIN'],
  },
  korean: {
    F: ['YEON', 'JI', 'EUN', 'HYE', 'SOO', 'MI', 'HEE', 'NA', 'YOUNG', 'SEO', 'YUN', 'JIN', 'AH',
      'RIN', 'BIN', 'KYUNG'],
    M: ['JUN', 'HO', 'WOO', 'HYUN', 'JAE', 'SUNG', 'MIN', 'JOON', 'SEOK', 'CHUL', 'HOON', 'TAE',
      'DONG', 'SANG', 'YONG', 'KYU'],
    shared: ['MIN', 'SEO', 'JI', 'HA', 'DO', 'SU', 'YE', 'CHAE', 'JU', 'YOO', 'GEON', 'SEUNG'],
  },
};
const THAI_PARTS = ['SRI', 'WONG', 'SUK', 'SAWAT', 'CHAI', 'PORN', 'BOON', 'RAT', 'RATTANA', 'KUL',
  'KAEW', 'KAN', 'THONG', 'PHAN', 'SIRI', 'CHAROEN', 'THAM', 'MONGKOL', 'WATTANA', 'NAK',
  'SOMBAT', 'PRASERT', 'SAKUL', 'PHONG', 'WIWAT', 'DEE', 'NGAM', 'JIT', 'PRADIT', 'SAENG',
  'KHAM', 'YEN', 'ARUN', 'CHOKE', 'PAIBOON', 'WICHIT'];

const compound = [];
for (const [culture, parts] of Object.entries(COMPOUNDS)) {
  for (const g of ['F', 'M']) {
    const firsts = [...new Set([...parts[g], ...parts.shared])];
    const seconds = parts[g];
    for (const a of firsts) {
      for (const b of seconds) {
        if (a !== b) compound.push(`${culture},given,${a}${b},${g}`);
      }
    }
  }
}
for (const a of THAI_PARTS) {
  for (const b of THAI_PARTS) {
    if (a !== b && (a + b).length <= 14) compound.push(`thai,surname,${a}${b},`);
  }
}
console.log(compound.join('\n'));
