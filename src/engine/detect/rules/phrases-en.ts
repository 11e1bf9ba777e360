import type { LanguageRules } from './types.js';

/** Things a scam page says about the computer ("device ... is infected / blocked"). */
const DEVICE = '(?:computer|pc|device|system|mac|iphone|phone|browser|windows|laptop|machine|data|files|information)';
const THREAT_NOUN = '(?:virus|viruses|malware|trojans?|spyware|adware|ransomware|worms?|threats?|infections?|keyloggers?)';

/** English phrase tables. Weights: 0.6 a concrete threat claim, 0.45 strong, 0.3 medium, below that weak. */
export const ENGLISH: LanguageRules = {
  threats: [
    { id: 'device infected/blocked', lang: 'en', weight: 0.6, pattern: `${DEVICE} (?:is|are|has been|have been|was|were|may be|might be|got|seems)? (?:heavily |severely |seriously |now )?(?:infected|compromised|hacked|hijacked|damaged|corrupted|blocked|locked|restricted|disabled|at risk|in danger)` },
    { id: 'blocked this PC', lang: 'en', weight: 0.6, pattern: '(?:blocked|locked|restricted) (?:this|your) (?:pc|computer|device|mac|iphone|system|browser)' },
    { id: 'malware found', lang: 'en', weight: 0.6, pattern: `${THREAT_NOUN} (?:has been |have been |were |was |are |is )?(?:detected|found|discovered)` },
    { id: 'detected a virus', lang: 'en', weight: 0.6, pattern: '(?:detected|found) (?:a |an |\\d+ )?(?:\\w+ ){0,2}(?:virus|trojan|spyware|malware|threat|suspicious|unusual|unauthori[sz]ed|intrusion)' },
    { id: 'device at risk', lang: 'en', weight: 0.6, pattern: `${DEVICE} (?:is|are) (?:now )?(?:at|in) (?:\\w+ )?(?:risk|danger)` },
    { id: 'access to this PC blocked', lang: 'en', weight: 0.6, pattern: 'access to (?:this|your) (?:pc|computer|device|windows|system|mac) (?:has been |is |was )?(?:blocked|disabled|suspended|restricted)' },
    { id: 'pornographic spyware', lang: 'en', weight: 0.6, pattern: 'porn\\w* (?:spyware|virus|malware)' },
    { id: 'counted viruses', lang: 'en', weight: 0.45, pattern: '\\b\\d+ (?:\\w+ )?(?:viruses|virus|threats|trojans|infections)\\b' },
    { id: 'has been compromised', lang: 'en', weight: 0.45, pattern: '(?:has|have) been (?:compromised|hacked|infected|breached)|is being (?:hacked|monitored|tracked)' },
    { id: 'infected with', lang: 'en', weight: 0.45, pattern: 'infected (?:with|by)|\\binfected\\b' },
    { id: 'access blocked', lang: 'en', weight: 0.45, pattern: 'access (?:has been |is |was )?(?:blocked|disabled|suspended)' },
    { id: 'suspicious activity detected', lang: 'en', weight: 0.45, pattern: '(?:unauthori[sz]ed|suspicious|unusual|illegal) (?:access|activity|connection|connections|login|logins|transaction) (?:\\w+ ){0,2}(?:detected|found|blocked)' },
    { id: 'trojan spyware', lang: 'en', weight: 0.45, pattern: 'trojan (?:spyware|horse|virus|malware)|zeus virus' },
    { id: 'spyware', lang: 'en', weight: 0.45, pattern: '\\bspyware\\b' },
    { id: 'ransomware', lang: 'en', weight: 0.45, pattern: '\\bransomware\\b' },
    { id: 'hacked', lang: 'en', weight: 0.45, pattern: '\\bhacked\\b|hackers? (?:are|have|has|is) ' },
    { id: 'data stolen', lang: 'en', weight: 0.45, pattern: '(?:data|information|passwords?|photos|banking|credit cards?|identity)\\w* (?:\\w+ ){0,3}(?:stolen|leaked|exposed)|stealing your|identity theft' },
    { id: 'security breach', lang: 'en', weight: 0.45, pattern: '(?:security|firewall|data|privacy) breach' },
    { id: 'system damaged', lang: 'en', weight: 0.45, pattern: '(?:security|system|hard ?drive|hard ?disk|registry|operating system|disk) (?:is |has been |was )?(?:damaged|corrupted|failure|failed|crashed)|hard ?(?:disk|drive) (?:error|failure)' },
    { id: 'files will be deleted', lang: 'en', weight: 0.45, pattern: '(?:will be|are being|is being) (?:deleted|erased|wiped|monitored|disabled|encrypted)' },
    { id: 'harmful software', lang: 'en', weight: 0.45, pattern: '(?:harmful|malicious|dangerous) (?:apps?|virus|viruses|software|programs?|files?)\\b' },
    { id: 'trojan', lang: 'en', weight: 0.3, pattern: '\\btrojan\\b' },
    { id: 'license expired', lang: 'en', weight: 0.3, pattern: '(?:license|licence|subscription|protection) (?:has |have )?expired' },
    { id: 'malware', lang: 'en', weight: 0.25, pattern: '\\bmalware\\b' },
  ],
  alarms: [
    { id: 'security alert', lang: 'en', weight: 0.3, pattern: '(?:security|virus|spyware|malware|trojan|firewall|critical|windows|defender|microsoft|apple|iphone|mac|warning|system|google|chrome|urgent|protection|browser|network|internet|device|computer|pc|scan) (?:alert|warning|alarm|notice)\\b' },
    { id: 'brand alert', lang: 'en', weight: 0.3, pattern: '(?:windows|defender|microsoft|apple|iphone|mcafee|norton|avast|google|chrome) (?:\\w+ ){0,2}(?:alert|warning|alarm)\\b' },
    { id: 'critical error', lang: 'en', weight: 0.25, pattern: '(?:critical|fatal|system|security|windows) (?:error|failure)' },
    { id: 'account locked', lang: 'en', weight: 0.25, pattern: 'account (?:\\w+ )?(?:locked|suspended|disabled|on hold|blocked)' },
    { id: 'warning', lang: 'en', weight: 0.2, pattern: '\\bwarning\\b|\\balert\\b' },
  ],
  urgency: [
    { id: 'call now', lang: 'en', weight: 0.3, pattern: '\\b(?:call|dial|phone|ring) (?:us |them )?(?:now|immediately|right away|urgently|asap|today)' },
    { id: 'call support', lang: 'en', weight: 0.3, pattern: '\\b(?:call|dial|ring|phone) (?:the |our |a |your )?(?:\\w+ ){0,2}(?:support|help ?desk|helpline|technicians?|tech|hotline|agent|microsoft|apple|windows)' },
    { id: 'do not restart', lang: 'en', weight: 0.3, pattern: '(?:do not|don t|dont|never) (?:restart|shut ?down|turn off|reboot|power off|close (?:this|the) (?:window|page|browser|tab)|ignore (?:this|these))' },
    { id: 'toll free', lang: 'en', weight: 0.3, pattern: 'toll ?free' },
    { id: 'contact support', lang: 'en', weight: 0.15, pattern: '\\bcontact (?:the |our )?(?:\\w+ ){0,2}(?:support|help ?desk|technicians?|helpline)' },
    { id: 'act now', lang: 'en', weight: 0.3, pattern: '\\bact (?:now|immediately|fast)|immediate (?:attention|action)|action required|requires? (?:\\w+ )?action' },
    { id: 'immediately', lang: 'en', weight: 0.2, pattern: '\\b(?:immediately|urgently|right now|asap)\\b' },
    { id: 'help desk', lang: 'en', weight: 0.2, pattern: 'help ?desk|helpline|certified (?:technician|engineer)|support technician' },
    { id: 'scan now', lang: 'en', weight: 0.2, pattern: '\\b(?:scan|clean|fix|renew|repair|remove) (?:it |them )?now\\b' },
  ],
  guards: [
    { id: 'do not call', lang: 'en', kind: 'warns-against', pattern: '\\b(?:do not|don t|dont|never|should not) (?:ever )?(?:call|dial|ring)\\b' },
    { id: 'about scams', lang: 'en', kind: 'about-scam', pattern: '\\bscams?\\b|\\bscammers?\\b|\\bscammed\\b' },
    { id: 'scam/fraud', lang: 'en', kind: 'about-scam', scope: 'title', pattern: '\\bscams?\\b|\\bscammers?\\b|\\bscammed\\b|\\bfraud(?! (?:team|department|dept|protection|alert|unit))|phishing|\\bfake\\b|\\bphony\\b|impostor|imposter|\\bbeware\\b|red flags|social engineering' },
    { id: 'authority', lang: 'en', kind: 'about-scam', scope: 'title', pattern: '\\bpolice\\b|\\bftc\\b|\\bfbi\\b|\\bconsumer\\b|\\bcisa\\b|\\bncsc\\b|action fraud|scamwatch|anti ?fraud|\\bic3\\b|cert nz' },
    { id: 'question', lang: 'en', kind: 'educational', scope: 'title', pattern: '^(?:how|what|why|can|should|does|did|when|where|got|getting|q) |^(?:is|are|do) (?:it|this|that|my|i|you|we|there)\\b|\\bhow to\\b|how ?tos?\\b|what to do|what (?:is|are|does)\\b|how do i\\b|is (?:it|this) (?:real|legit|safe)' },
    { id: 'advice', lang: 'en', kind: 'educational', scope: 'title', pattern: '\\bremoval\\b|troubleshoot|\\bprotect (?:yourself|your|my|against)|\\brecogni[sz]e|\\bavoid\\b|\\breport (?:a|suspicious|fraud|phishing|scams?)|explained|\\bguide\\b|\\btips\\b|tutorial|\\bfaq\\b|description|definition|\\breview\\b|check if|stay protected|on or off|\\bwhat it means|statistics|training|simulation|example|\\blecture\\b|screenshot' },
    { id: 'encyclopedia', lang: 'en', kind: 'educational', pattern: 'wikipedia|encyclopedia|\\bwiki\\b' },
    { id: 'vendor support site', lang: 'en', kind: 'trusted-site', scope: 'title', pattern: '(?:microsoft|apple|google|mozilla|firefox|chrome|norton|mcafee|avast|avg|kaspersky|malwarebytes|facebook|amazon|account) (?:support|help|help cent(?:er|re)|community|communities|forums?|learn|q ?a|security intelligence|security response cent(?:er|re)|docs?)$|support microsoft$|help cent(?:er|re)|\\bhelp$|\\bblog$' },
    { id: 'forum', lang: 'en', kind: 'forum', scope: 'title', pattern: '\\br\\s[a-z0-9]+$|reddit$|stack ?overflow|super ?user$|\\bforums?\\b|hacker news|tom s hardware|quora$' },
    { id: 'search results', lang: 'en', kind: 'search-results', scope: 'title', pattern: '(?:google|bing|yahoo|duckduckgo|ecosia) search$|\\bbing$|\\bchatgpt$' },
    { id: 'webmail', lang: 'en', kind: 'webmail', scope: 'title', pattern: '\\bgmail$|\\boutlook$|yahoo mail$|proton mail$|\\bmail \\w+(?: \\w+)? outlook' },
    { id: 'video site', lang: 'en', kind: 'video-site', scope: 'title', pattern: 'youtube$|vimeo$|imdb$|rotten tomatoes$|crunchyroll$|\\bpbs$|polygon$|on steam$|prime video$' },
    { id: 'news site', lang: 'en', kind: 'news', scope: 'title', pattern: '\\bnews\\b|\\bbbc\\b|\\bcnn\\b|reuters|the guardian|new york times|washington post|\\bcbs\\b|\\bnbc\\b|\\bnpr\\b|\\baarp\\b|consumer reports|bleepingcomputer|krebs|pcmag|pcworld|techradar|tom s guide|how ?to geek|\\bsays\\b|\\bwarns?\\b' },
    { id: 'medical', lang: 'en', kind: 'medical', scope: 'title', pattern: '\\bcovid|corona ?virus|influenza|\\bflu\\b|norovirus|mosquito|west nile|\\bpatients?\\b|symptoms?|vaccin|outbreak|\\bnhs\\b|clinic\\b|hospital|mayo' },
  ],
};
