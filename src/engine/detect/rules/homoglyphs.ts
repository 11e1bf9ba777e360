/**
 * Look-alike letters folded to ASCII before matching (Cyrillic, Greek, Armenian and a few Latin
 * variants scam kits use to dodge keyword filters, e.g. "Windоws" with a Cyrillic о).
 * NFKC already folds full-width, mathematical and circled letters; this table covers what it
 * leaves alone. Keys are single UTF-16 code units; values are lower-case ASCII.
 */
export const HOMOGLYPHS: Readonly<Record<string, string>> = {
  // Cyrillic capitals
  А: 'a', В: 'b', Е: 'e', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p', С: 'c', Т: 't', Х: 'x', У: 'y',
  І: 'i', Ј: 'j', Ѕ: 's', Ԛ: 'q', Ԝ: 'w', Ү: 'y', Ӏ: 'l',
  // Cyrillic small
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', х: 'x', у: 'y',
  і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w', ѵ: 'v', ӏ: 'l', ү: 'y', ɡ: 'g',
  // Greek capitals
  Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't',
  Υ: 'y', Χ: 'x',
  // Greek small
  α: 'a', ο: 'o', ρ: 'p', ι: 'i', κ: 'k', ν: 'v', τ: 't', υ: 'u', ε: 'e', χ: 'x', ϲ: 'c', ς: 'c', ϳ: 'j',
  // Armenian
  օ: 'o', ս: 'u', ց: 'g', հ: 'h', ո: 'n',
  // Latin variants NFKC keeps
  ı: 'i', ɑ: 'a', ǀ: 'l', ɩ: 'i', ʟ: 'l', ꞇ: 't', ø: 'o', Ø: 'o', đ: 'd', ł: 'l', Ł: 'l', ß: 'ss',
};
