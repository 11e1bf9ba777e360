import type { LanguageRules } from './types.js';

// Swedish. Accents are stripped before matching ("datorn är låst" → "datorn ar last").
const DEVICE = '(?:datorn|din dator|enheten|din enhet|systemet|windows|mac|iphone)';

/** Swedish phrase tables (same weight scale as English). */
export const SWEDISH: LanguageRules = {
  threats: [
    { id: 'sv: datorn blockerad', lang: 'sv', weight: 0.6, pattern: `${DEVICE} (?:ar|har|har blivit|kan vara) (?:\\w+ )?(?:infekterad|blockerad|blockerats|last|lasts|hackad|hackats|skadad|i fara)` },
    { id: 'sv: virus upptackt', lang: 'sv', weight: 0.6, pattern: '(?:virus|skadlig kod|trojan|spionprogram) (?:har )?(?:upptackts?|hittats?|hittades|upptacktes)' },
    { id: 'sv: infekterad', lang: 'sv', weight: 0.45, pattern: '\\binfekterad|\\bspionprogram|\\bgisslanprogram' },
  ],
  alarms: [
    { id: 'sv: sakerhetsvarning', lang: 'sv', weight: 0.3, pattern: 'sakerhetsvarning|virusvarning|sakerhetslarm|windows ?varning|microsoft ?varning' },
    { id: 'sv: varning', lang: 'sv', weight: 0.2, pattern: '\\bvarning\\b' },
  ],
  urgency: [
    { id: 'sv: ring', lang: 'sv', weight: 0.3, pattern: '\\bring (?:\\w+ ){0,2}(?:support|supporten|microsoft|apple|oss|nu|omedelbart|genast)|starta inte om|stang inte av|stang inte (?:\\w+ )?(?:fonstret|sidan)|avgiftsfritt|kontakta (?:\\w+ )?support' },
    { id: 'sv: omedelbart', lang: 'sv', weight: 0.2, pattern: '\\bomedelbart\\b|\\bgenast\\b' },
  ],
  guards: [
    { id: 'sv: bedrageri', lang: 'sv', kind: 'about-scam', pattern: 'bedrageri|bedragare|\\bbluff' },
    { id: 'sv: falsk/polis', lang: 'sv', kind: 'about-scam', scope: 'title', pattern: '\\bfalska?\\b|polisen|konsumentverket|\\bakta dig' },
  ],
};
