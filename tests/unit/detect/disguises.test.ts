/**
 * Every disguise of issue 13, each with the honest look-alike that must stay not-scam. Kit texts
 * are our own, written to reproduce each trick (never a kit's exact wording).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/engine/detect/index.js';
import type { WindowObservation } from '../../../src/shared/observation.js';

const SCREEN = { x: 0, y: 0, width: 1920, height: 1080 };
const title = (t: string): WindowObservation => ({ title: t, process: 'chrome.exe' });
const fullScreen = (t: string, text?: string): WindowObservation => ({ title: t, process: 'chrome.exe', bounds: SCREEN, screen: SCREEN, ...(text === undefined ? {} : { text }) });
const verdict = (observation: WindowObservation): string => classify(observation).verdict;
const reversed = (text: string): string => Array.from(text).reverse().join('');
const BASE = 'Windows Defender Security Warning - Call Support +1-888-555-0199';

describe('cheap disguises of a title', () => {
  it.each([
    ['600 zero-width characters before it', `${'\u200b'.repeat(600)}${BASE}`],
    ['stored reversed behind a right-to-left override', `\u202e${reversed(BASE)}\u202c`],
    ['small capitals', 'ᴍɪᴄʀᴏꜱᴏꜰᴛ Security Alert - Call +1-888-555-0199'],
    ['Cherokee letters', 'ᎷᎥᏟᎡᎾᏚᎾᖴᎢ Security Alert - Call +1-888-555-0199'],
    ['negative squared letters', '🅼🅸🅲🆁🅾🆂🅾🅵🆃 Security Alert - Call +1-888-555-0199'],
    ['emoji between letters', 'Mi😀cro😀soft Se😀curity Al😀ert - Call +1-888-555-0199'],
    ['" | News" after it', `${BASE} | News`],
    ['"FBI Warning: " before it', `FBI Warning: ${BASE}`],
    ['" - Help" after it', `${BASE} - Help`],
    ['"How " before it', `How ${BASE}`],
  ])('%s: still scam', (_trick, disguised) => {
    expect(verdict(title(disguised))).toBe('scam');
  });

  it('reads a digit right after a phone number as a separate word, not as a German number', () => {
    const found = classify(title('Windows Defender: 2 viruses detected - call 1-888-555-0199 2 technicians waiting')).phones;
    expect(found.map((phone) => phone.e164)).toEqual(['+18885550199']);
  });

  it('a fake virus name with "Hoax" in it is a threat, not benign context', () => {
    const v = classify(title('Win32/Hoax.Renos.HX detected - Call Microsoft Support +1-888-555-0199 now'));
    expect(v.verdict).toBe('scam');
  });

  it('a kit titled "Scareware" is looked at closer when full screen, and judged by its text', () => {
    expect(verdict(fullScreen('Scareware'))).toBe('suspicious');
    expect(verdict(fullScreen('Scareware', 'Windows Defender: your computer is infected. Call Microsoft Support now: 1-888-555-0199'))).toBe('scam');
  });
});

/** Per language: an Apple/macOS screen, a fake scan, renewal scareware, a fake blue screen. */
const KIT_TEXTS: readonly (readonly [string, string])[] = [
  ['en apple', 'Apple Security Alert\nYour iPhone has been hacked. Do not restart your device.\nCall Apple Support: 1-888-555-0142'],
  ['en scan', 'Quick scan in progress... 3 threats found\nYour computer is infected with spyware. Call now: +1-888-555-0199'],
  ['en renewal', 'McAfee Total Protection\nYour subscription has expired. Your PC is unprotected and at risk.\nRenew now - call 1-888-555-0177'],
  ['en bsod', 'Your PC ran into a problem and needs to restart.\nStop code: CRITICAL_PROCESS_DIED\nYour computer has been blocked. Call Windows Support 1-888-555-0166 immediately'],
  ['ja apple', 'Appleセキュリティ警告\nお使いのiPhoneはウイルスに感染しています。\n今すぐ 050-5555-0142 に電話してください'],
  ['ja scan', 'クイックスキャン中… 3個のウイルスが検出されました\nパソコンがロックされました。サポートに電話してください 0120-555-014'],
  ['ja renewal', 'マカフィー\nサブスクリプションの有効期限が切れました。パソコンは保護されていません。\n今すぐ更新 050-5555-0177 に電話してください'],
  ['ja bsod', 'PCに問題が発生したため、再起動する必要があります。エラー情報を収集しています\nパソコンがロックされました。今すぐ 050-5555-0166 に電話してください'],
  ['de apple', 'Apple-Sicherheitswarnung\nIhr Mac wurde blockiert. Starten Sie ihn nicht neu.\nRufen Sie den Apple Support an: 0800 555 0142'],
  ['de scan', 'Schnellscan läuft... Viren gefunden!\nIhr Computer wurde gesperrt. Rufen Sie sofort an: 0800 555 0199'],
  ['de renewal', 'Norton: Ihr Abonnement ist abgelaufen. Ihr PC ist nicht mehr geschützt.\nJetzt verlängern: rufen Sie 0800 555 0177 an'],
  ['de bsod', 'Auf Ihrem PC ist ein Problem aufgetreten, er muss neu gestartet werden.\nIhr Computer wurde gesperrt. Rufen Sie sofort den Support an: 0800 555 0166'],
  ['fr apple', "Alerte de sécurité Apple\nVotre iPhone a été piraté. Votre appareil est bloqué.\nAppelez le support Apple : 0800 555 042"],
  ['fr scan', 'Analyse rapide en cours... virus détectés\nVotre ordinateur a été bloqué. Appelez immédiatement le 0800 555 099'],
  ['fr renewal', "McAfee : votre abonnement a expiré. Votre PC n'est plus protégé.\nRenouvelez maintenant, appelez le 0800 555 077"],
  ['fr bsod', 'Votre PC a rencontré un problème et doit redémarrer.\nVotre ordinateur a été bloqué. Appelez le support : 0800 555 066'],
  ['nl apple', 'Apple-systeembeveiliging\nUw Mac is geblokkeerd. Virus gedetecteerd.\nBel Apple ondersteuning: 0800 555 0142'],
  ['nl scan', 'Volledige scan bezig... virus gedetecteerd\nUw computer is geblokkeerd. Bel nu: 0800 555 0199'],
  ['nl renewal', 'Norton: uw abonnement is verlopen. Uw pc is niet meer beschermd.\nVerleng nu, bel direct 0800 555 0177'],
  ['nl bsod', 'Er is een probleem opgetreden met uw pc.\nUw computer is geblokkeerd. Bel Microsoft ondersteuning: 0800 555 0166'],
  ['it apple', 'Avviso di sicurezza Apple\nIl tuo iPhone è stato bloccato. Virus rilevato.\nChiama subito il supporto Apple: 800 555 042'],
  ['it scan', 'Scansione rapida in corso... virus rilevati\nIl computer è stato bloccato. Chiama subito: 800 555 099'],
  ['it renewal', 'McAfee: il tuo abbonamento è scaduto. Il PC non è più protetto.\nRinnova ora, chiama il numero verde 800 555 077'],
  ['it bsod', 'Il PC ha riscontrato un problema e deve essere riavviato.\nIl computer è stato bloccato. Chiama il supporto: 800 555 066'],
  ['es apple', 'Alerta de seguridad de Apple\nSu iPhone ha sido bloqueado. Virus detectado.\nLlame al soporte de Apple: 900 555 042'],
  ['es scan', 'Análisis rápido en curso... virus detectados\nSu equipo ha sido bloqueado. Llame ahora: 900 555 099'],
  ['es renewal', 'Norton: su suscripción ha caducado. Su PC ya no está protegido.\nRenueve ahora, llame al 900 555 077'],
  ['es bsod', 'Su PC se ha encontrado con un problema y tiene que reiniciarse.\nSu equipo ha sido bloqueado. Llame al soporte: 900 555 066'],
  ['sv apple', 'Apple säkerhetsvarning\nDin iPhone har blivit hackad. Virus upptäckt.\nRing Apple support: 020 555 0142'],
  ['sv scan', 'Snabbsökning pågår... virus hittades\nDatorn har blockerats. Ring supporten nu: 020 555 0199'],
  ['sv renewal', 'McAfee: din prenumeration har gått ut. Datorn är inte skyddad.\nFörnya nu, ring 020 555 0177'],
  ['sv bsod', 'Datorn stötte på ett problem och måste startas om.\nDatorn har blockerats. Ring supporten omedelbart: 020 555 0166'],
];

describe('Apple, fake scan, renewal and blue-screen kits in every supported language', () => {
  it.each(KIT_TEXTS)('%s: scam under a bland full-screen title', (_name, text) => {
    expect(verdict(fullScreen('Security Center', text))).toBe('scam');
  });

  it.each([['MacOS Security'], ['Apple-systeembeveiliging'], ['iCloud'], ['Scareware']])('full-screen "%s" is worth a closer look', (t) => {
    expect(verdict(fullScreen(t))).not.toBe('clean');
  });
});

/** Honest pages that look like the kits above. */
const HONEST: readonly (readonly [string, string])[] = [
  ['If you see a pop-up that says your Mac has a virus - Apple Support', 'Some websites show pop-ups that say your Mac is infected and ask you to call a number. Do not call the number. Close the page.'],
  ['Renew your Norton subscription - Norton Support', 'Your subscription renews automatically. To renew now, sign in to your Norton account. Questions? Call 1-844-555-0123.'],
  ['Troubleshoot blue screen errors - Microsoft Support', 'A stop code such as CRITICAL_PROCESS_DIED means Windows ran into a problem and restarted. Update drivers and run a quick scan.'],
  ['Polizei warnt vor falschen Microsoft-Warnungen', 'Betrüger zeigen gefälschte Warnungen: „Ihr Computer wurde gesperrt, rufen Sie 0800 555 0123 an.“ Rufen Sie nicht an.'],
  ['偽のセキュリティ警告にご注意ください｜みどり銀行', '「パソコンがウイルスに感染しています」と表示され、電話をかけさせる詐欺が発生しています。表示された番号には電話しないでください。'],
  ['Scareware: what it is and how to remove it - BBC News', 'Scareware shows fake scans and warnings such as "3 viruses found, call now" to sell useless software.'],
  ['Apple Platform Security', 'Apple designs security into hardware, software and services across iPhone, iPad and Mac.'],
];

describe('honest look-alikes', () => {
  it.each(HONEST)('%s: not scam, title only and with its text, full screen', (t, text) => {
    expect(verdict(title(t))).not.toBe('scam');
    expect(verdict(fullScreen(t, text))).not.toBe('scam');
  });
});

describe('window behaviour counts as evidence', () => {
  const ALARMING = 'Security warning';
  it('a popup burst, a refused close or a churning title make a browser window worth a closer look', () => {
    for (const behaviour of [{ popupBurst: true }, { refusedClose: true }, { recentTitles: 6 }]) {
      expect(verdict({ ...title('Home'), behaviour })).toBe('suspicious');
    }
    expect(verdict(title('Home'))).toBe('clean');
  });

  it('and add to alarming evidence', () => {
    expect(classify(title(ALARMING)).score).toBeLessThan(classify({ ...title(ALARMING), behaviour: { refusedClose: true, popupBurst: true } }).score);
    expect(verdict({ ...title(ALARMING), behaviour: { refusedClose: true } })).toBe('scam');
  });
});
