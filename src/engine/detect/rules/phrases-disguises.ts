import type { LanguageRules } from './types.js';

/**
 * What kits say when they dress up as something other than a Windows warning, in every
 * supported language: Apple/macOS/iPhone security screens, fake scan animations, "your
 * subscription has expired" renewal scareware (McAfee/Norton), and fake blue screens.
 * Honest look-alikes (vendor support articles, renewal reminders, news) carry benign context
 * and no strong combination, so these stay weak evidence for them (see ../strength.ts).
 */
const APPLE = '(?:apple|macos|mac os|ios|iphone|ipad|icloud|mac|safari)';
const SECURITY_WORD = '(?:security|beveiliging|systeembeveiliging|sicherheit|securite|seguridad|sicurezza|sakerhet|systemsakerhet)';

export const DISGUISES: LanguageRules = {
  threats: [
    // Fake blue screen text: a browser page that claims the PC itself crashed.
    { id: 'fake blue screen', lang: 'en', weight: 0.45, pattern: '(?:pc|computer|device) ran into a problem|collecting (?:some )?error info|critical process died|system service exception|irql not less or equal|kernel security check failure|dpc watchdog violation|memory management|\\bstop ?code\\b' },
    { id: 'ブルースクリーン', lang: 'ja', weight: 0.45, pattern: '(?:pc|コンピュータ)?(?:に|で)問題が発生したため|エラー情報を収集|停止コード' },
    { id: 'blue screen (eu)', lang: 'de', weight: 0.45, pattern: 'auf ihrem pc ist ein problem aufgetreten|muss neu gestartet werden|a rencontre un probleme et doit redemarrer|se ha encontrado con un problema y (?:tiene|debe) que reiniciarse|ha riscontrato un problema e deve essere riavviato|probleem opgetreden (?:met|op) uw pc|stotte pa ett problem och maste startas om|codigo de detencion|code d arret|stopcode' },
    // Renewal scareware: the device is said to be unprotected because a licence ran out.
    { id: 'device unprotected', lang: 'en', weight: 0.45, pattern: '(?:pc|computer|device|mac|iphone|system|windows) (?:is|are) (?:now |currently |no longer )?(?:unprotected|not protected|vulnerable|exposed)' },
    { id: 'subscription expired', lang: 'en', weight: 0.3, pattern: '(?:subscription|license|licence|protection|antivirus) (?:has |have |is |was )?(?:expired|ended|lapsed|inactive|deactivated|turned off)|expired (?:subscription|license|licence)' },
    { id: '保護されていません', lang: 'ja', weight: 0.45, pattern: '保護されていません|無防備な状態|保護が無効' },
    { id: '期限切れ', lang: 'ja', weight: 0.3, pattern: '(?:ライセンス|サブスクリプション|契約)(?:の)?(?:有効期限|期限)?が切れ|(?:ライセンス|サブスクリプション)(?:の)?期限切れ' },
    { id: 'unprotected (eu)', lang: 'de', weight: 0.45, pattern: 'nicht (?:mehr )?geschutzt|n est plus protege|non protege|no esta protegid|ya no esta protegid|non (?:e )?piu protett|non e protett|niet (?:meer )?beschermd|inte (?:langre )?skyddad' },
    { id: 'subscription expired (eu)', lang: 'de', weight: 0.3, pattern: '(?:abonnement|lizenz|licence|suscripcion|licencia|abbonamento|licenza|licentie|prenumeration|licens)\\w* (?:\\w+ )?(?:abgelaufen|expire|caducad|expirad|vencid|scadut|verlopen|gatt ut|lopt ut)' },
  ],
  alarms: [
    { id: 'apple security', lang: 'any', weight: 0.2, pattern: `${APPLE} (?:system )?${SECURITY_WORD}|(?:apple|アップル|iphone|mac) ?(?:の)?セキュリティ` },
    { id: 'apple alert', lang: 'en', weight: 0.3, pattern: `${APPLE} (?:\\w+ ){0,2}(?:alert|warning|alarm|waarschuwing|warnung|alerte|alerta|avviso|varning)\\b|${APPLE}(?:から)?の? ?(?:警告|アラート)` },
    { id: 'fake scan', lang: 'en', weight: 0.15, pattern: '\\b(?:quick|full|system|deep) scan\\b|scan(?:ning)? (?:results?|complete|completed|in progress|report)|\\bscanning\\b|files? scanned|\\bscan ?(?:for )?(?:threats|viruses|malware)' },
    { id: 'スキャン', lang: 'ja', weight: 0.15, pattern: 'スキャン(?:中|結果|が完了|を完了|しています)|(?:クイック|フル|システム)スキャン' },
    { id: 'fake scan (eu)', lang: 'de', weight: 0.15, pattern: 'schnellscan|suche nach (?:viren|bedrohungen)|scan (?:lauft|abgeschlossen)|analyse (?:en cours|rapide|complete|terminee|du systeme)|escaneando|escaneo (?:rapido|completo)|analisis (?:en curso|rapido|completo)|scansione (?:in corso|rapida|completa|completata)|scannen|snelle scan|volledige scan|skannar|genomsokning|snabbsokning' },
  ],
  urgency: [
    { id: 'renew now', lang: 'en', weight: 0.3, pattern: '\\brenew (?:now|today|immediately)|reactivate (?:now|your protection)|\\bactivate (?:your )?protection now' },
    { id: '今すぐ更新', lang: 'ja', weight: 0.3, pattern: '今すぐ(?:更新|有効化|保護)|更新してください' },
    { id: 'renew now (eu)', lang: 'de', weight: 0.3, pattern: 'jetzt verlangern|renouvele[rz] maintenant|renouvelez|renovar ahora|renueve ahora|rinnova(?:re)? ora|nu verlengen|verleng nu|fornya nu' },
  ],
  guards: [],
};
