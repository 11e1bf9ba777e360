import type { LanguageRules } from './types.js';

// German, French, Spanish, Italian, Dutch and Portuguese: the common phrases of translated kits.
// Accents are stripped before matching ("détecté" → "detecte", "geïnfecteerd" → "geinfecteerd").
const DEVICE = '(?:computer|pc|rechner|gerat|ordinateur|appareil|computadora|ordenador|equipo|dispositivo|computador|apparaat|systeem|sistema|systeme|system|windows)';

/** Phrase tables for the European languages. */
export const EUROPEAN: LanguageRules = {
  threats: [
    { id: 'de: Computer gesperrt', lang: 'de', weight: 0.6, pattern: `${DEVICE} (?:wurde|ist|wird) (?:\\w+ )?(?:gesperrt|blockiert|infiziert|gehackt|beschadigt)` },
    { id: 'fr: ordinateur bloque', lang: 'fr', weight: 0.6, pattern: `${DEVICE} (?:a ete|est|sera) (?:\\w+ )?(?:bloque|infecte|pirate|verrouille|endommage)` },
    { id: 'es/pt: equipo bloqueado', lang: 'es', weight: 0.6, pattern: `${DEVICE} (?:ha sido|esta|fue|foi) (?:\\w+ )?(?:bloquead|infectad|hackead|comprometid)[oa]` },
    { id: 'it: computer bloccato', lang: 'it', weight: 0.6, pattern: `${DEVICE} (?:e stato|e stata|e) (?:\\w+ )?(?:bloccat|infett|compromess|violat)[oa]` },
    { id: 'nl: computer geblokkeerd', lang: 'nl', weight: 0.6, pattern: `${DEVICE} (?:is|werd|wordt) (?:\\w+ )?(?:geblokkeerd|geinfecteerd|gehackt|vergrendeld)` },
    { id: 'de: Virus erkannt', lang: 'de', weight: 0.6, pattern: '(?:virus|viren|trojaner) (?:erkannt|gefunden|entdeckt)\\b' },
    { id: 'fr: virus detecte', lang: 'fr', weight: 0.6, pattern: 'virus (?:detectes?|trouves?)\\b' },
    { id: 'es/pt: virus detectado', lang: 'es', weight: 0.6, pattern: 'virus (?:detectados?|encontrados?)\\b' },
    { id: 'it: virus rilevato', lang: 'it', weight: 0.6, pattern: 'virus (?:rilevat[oi]|trovat[oi])\\b' },
    { id: 'nl: virus gedetecteerd', lang: 'nl', weight: 0.6, pattern: 'virus (?:gedetecteerd|gevonden|aangetroffen)\\b' },
    { id: 'infected (eu)', lang: 'de', weight: 0.45, pattern: '\\binfiziert|\\binfecte(?:e|s)? par|\\binfectad[oa]s?\\b|\\binfett[oa]\\b|\\bgeinfecteerd' },
    { id: 'trojan (eu)', lang: 'fr', weight: 0.45, pattern: 'cheval de troie|trojaner|caballo de troya|cavallo di troia' },
  ],
  alarms: [
    { id: 'security warning (eu)', lang: 'de', weight: 0.3, pattern: '(?:sicherheits|viren|windows|microsoft) ?warnung|sicherheitsalarm|alerte (?:de securite|virus)|alerta de (?:seguridad|seguranca)|alerta de virus|avviso di sicurezza|beveiligingswaarschuwing|virus ?waarschuwing' },
    { id: 'warning (eu)', lang: 'fr', weight: 0.2, pattern: '\\bwarnung\\b|avertissement|\\badvertencia\\b|\\bavviso\\b|waarschuwing|\\baviso\\b' },
  ],
  urgency: [
    { id: 'de: rufen Sie an', lang: 'de', weight: 0.3, pattern: 'rufen sie (?:\\w+ ){0,4}an\\b|nicht neu starten|nicht (?:herunterfahren|ausschalten)|gebuhrenfrei|kontaktieren sie (?:sofort )?(?:den |unseren )?(?:\\w+ )?support' },
    { id: 'fr: appelez', lang: 'fr', weight: 0.3, pattern: 'appelez|ne redemarrez pas|n eteignez pas|ne fermez pas|numero (?:gratuit|vert)|appel gratuit|contactez (?:le |notre )?support' },
    { id: 'es: llame', lang: 'es', weight: 0.3, pattern: '\\bllame\\b|llamenos|no reinicie|no apague|no cierre|llamada gratuita|contacte (?:con )?(?:el |al )?soporte' },
    { id: 'it: chiama', lang: 'it', weight: 0.3, pattern: 'chiama(?:te)? (?:il|subito|ora|lo|l|al)\\b|non riavviare|non spegnere|non chiudere|numero verde|contatta(?:te)? (?:il |l )?(?:supporto|assistenza)' },
    { id: 'nl: bel', lang: 'nl', weight: 0.3, pattern: '\\bbel (?:\\w+ ){0,2}(?:ondersteuning|support|helpdesk|microsoft|windows|nu|direct)|start niet opnieuw|niet afsluiten|sluit (?:dit|deze) (?:\\w+ )?niet|gratis nummer|neem contact op' },
    { id: 'pt: ligue', lang: 'pt', weight: 0.3, pattern: '\\bligue (?:para|ja|agora|gratis|imediatamente)|nao reinicie|nao desligue|nao feche|ligacao gratuita|entre em contato com o suporte' },
    { id: 'immediately (eu)', lang: 'de', weight: 0.2, pattern: '\\bsofort\\b|immediatement|inmediatamente|immediatamente|onmiddellijk|imediatamente' },
  ],
  guards: [
    { id: 'do not call (eu)', lang: 'de', kind: 'warns-against', pattern: 'rufen sie (?:\\w+ ){0,3}nicht an|nicht anrufen|n appelez (?:pas|jamais)|ne (?:pas|jamais) appeler|no llame|nunca llame|non chiamare|non chiamate|mai chiamare|bel (?:\\w+ ){0,2}niet|niet bellen|nooit bellen|nao ligue|nunca ligue|ring inte|ring aldrig|(?:nennt|zeigt) (?:\\w+ )?keine telefonnummer|(?:jamais|aucun) (?:de )?numero de telephone|(?:ningun|nunca un) numero de telefono|nessun numero di telefono|geen telefoonnummer' },
    { id: 'scam (eu)', lang: 'de', kind: 'about-scam', pattern: 'betrug|betruger|arnaque|escroquerie|estafa|truffa|oplichting|oplichter|\\bgolpe\\b|gefalscht|\\bfaux (?:message|avertissement|alerte|ecran)|\\bfals[oa]s? (?:aviso|alerta|avviso|mensaje|messaggio)|\\bnep ?(?:waarschuwing|melding|bericht)' },
    { id: 'fraud (eu)', lang: 'de', kind: 'about-scam', scope: 'title', pattern: 'betrug|betruger|gefalscht|\\bfalsche[nrs]?\\b|arnaque|escroquerie|\\bfraude|\\bfaux\\b|estafa|\\bfalso\\b|truffa|\\bfinto\\b|oplichting|oplichter|\\bnep\\b|\\bgolpe\\b|fraudehelpdesk' },
    { id: 'police (eu)', lang: 'de', kind: 'about-scam', scope: 'title', pattern: 'polizei|\\bpolicia\\b|polizia|politie|verbraucherzentrale|cybermalveillance|incibe' },
    { id: 'advice (eu)', lang: 'de', kind: 'educational', scope: 'title', pattern: '\\berkennen\\b|\\bratgeber\\b|\\bwie (?:man|sie)\\b|comment (?:reagir|eviter|reconnaitre)|como (?:evitar|protegerse|se proteger|reconocer)|come riconoscer|\\bhoe (?:herken|voorkom)|saiba como' },
  ],
};
