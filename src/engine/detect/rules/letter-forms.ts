/**
 * Letter forms that Unicode's confusables data (confusables.ts, generated) and NFKC leave alone
 * but that read as plain Latin letters: whole series, listed by their code point ranges, and
 * three single letters. Values are lower-case ASCII.
 */

/** Series of 26 letters A–Z, by their first code point. */
const ALPHABETS: readonly number[] = [
  0x1f150, // negative circled capitals 🅐
  0x1f170, // negative squared capitals 🅰 (🅼🅸🅲🆁🅾🆂🅾🅵🆃)
  0x1f1e6, // regional indicator symbols 🇦
];

/** Small capitals a–z (ᴍɪᴄʀᴏꜱᴏꜰᴛ), in alphabet order; "q" and "x" have none in common use. */
const SMALL_CAPITALS = 'ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘ\0ʀꜱᴛᴜᴠᴡ\0ʏᴢ';

/** Single letters: German sharp s, Greek final sigma, Latin insular t. */
const SINGLES: Readonly<Record<string, string>> = { ß: 'ss', ς: 'c', ꞇ: 't' };

/** Every letter form above with its ASCII reading. */
export function letterForms(): [string, string][] {
  const pairs: [string, string][] = Object.entries(SINGLES);
  for (let i = 0; i < 26; i += 1) {
    const letter = String.fromCharCode(0x61 + i);
    for (const first of ALPHABETS) pairs.push([String.fromCodePoint(first + i), letter]);
    const small = Array.from(SMALL_CAPITALS)[i];
    if (small !== undefined && small !== '\0') pairs.push([small, letter]);
  }
  return pairs;
}
