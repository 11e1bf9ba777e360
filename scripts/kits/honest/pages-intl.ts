/**
 * Honest look-alikes in the other supported languages (ja, de, fr, nl, it, es, sv), written by us.
 */
import type { HonestPage } from './honest-html.js';

export const HONEST_PAGES_INTL: readonly HonestPage[] = [
  {
    id: 'h-ja-vendor-scam-article', language: 'ja', layout: 'article', site: 'Microsoft サポート',
    title: 'テクニカル サポート詐欺から身を守る - Microsoft サポート',
    heading: 'テクニカル サポート詐欺から身を守る',
    body: [
      '詐欺のページは、突然全画面になり、警告音を鳴らして「ウイルスに感染しました」「Microsoft サポートに電話してください」と表示することがあります。',
      'Microsoft のエラーや警告のメッセージに電話番号が書かれていることはありません。表示された番号には電話しないでください。',
      '画面が閉じられないときは、Ctrl + Shift + Esc でタスク マネージャーを開き、ブラウザーを終了してください。',
    ],
  },
  {
    id: 'h-ja-police', language: 'ja', layout: 'article', site: '○○県警察',
    title: 'サポート詐欺に注意！｜○○県警察',
    heading: 'サポート詐欺に注意してください',
    body: [
      'パソコンでインターネットを見ていると、突然「ウイルスに感染しました」「今すぐサポートに電話してください」という偽の警告が表示され、大きな警告音が鳴ります。',
      '表示された電話番号に電話すると、遠隔操作ソフトを入れさせられ、電子マネーで代金を払わされる被害が増えています。',
      '困ったときは、警察相談専用電話 #9110 にご相談ください。',
    ],
  },
  {
    id: 'h-ja-bank', language: 'ja', layout: 'article', site: 'みどり銀行',
    title: '不審な電話・偽の警告画面にご注意ください｜みどり銀行',
    heading: '偽のウイルス警告画面にご注意ください',
    body: [
      '「パソコンがロックされました」と表示され、電話をかけるとインターネットバンキングへのログインを求められる事例が発生しています。',
      '当行が遠隔操作ソフトのインストールをお願いすることはありません。',
      'お心当たりのある方は、フリーダイヤル 0120-555-014（24時間受付）までご連絡ください。',
    ],
  },
  {
    id: 'h-ja-news', language: 'ja', layout: 'article', site: '地域新聞デジタル',
    title: '「ウイルス感染」偽警告で80万円被害　70代女性｜地域新聞デジタル',
    heading: '「ウイルス感染」偽警告で80万円被害　70代女性',
    body: [
      '女性がパソコンを使っていたところ、画面に「Windows Defender セキュリティ警告」「このコンピューターはブロックされました」と表示され、記載の番号に電話した。',
      '男から「修理代が必要」と言われ、コンビニで電子マネーを購入して番号を伝えたという。',
      '警察は「画面に出た番号には絶対に電話しないで」と呼びかけている。',
    ],
  },
  {
    id: 'h-ja-wiki', language: 'ja', layout: 'article', site: 'ウィキペディア',
    title: 'テクニカルサポート詐欺 - Wikipedia',
    heading: 'テクニカルサポート詐欺',
    body: [
      'テクニカルサポート詐欺とは、パソコンがウイルスに感染したなどと偽の警告を表示し、画面に表示した電話番号へ電話をかけさせて、サポート料金をだまし取る詐欺である。',
      '偽の警告画面は、マイクロソフトやアップルのロゴをまねて全画面で表示され、警告音や音声で不安をあおる。',
    ],
  },
  {
    id: 'h-ja-slides', language: 'ja', layout: 'slides',
    title: '情報セキュリティ研修 5／12',
    heading: 'こんな画面が出たら？',
    body: ['例：「警告！ウイルスに感染しています。今すぐ 050-0000-0000 に電話してください」', '- 電話しない', '- ブラウザーを閉じる', '- 情報システム課（内線 2345）に連絡する'],
  },
  {
    id: 'h-ja-consumer', language: 'ja', layout: 'article', site: '消費生活センター',
    title: 'パソコンの偽警告（サポート詐欺）の相談が増えています｜消費生活センター',
    heading: 'パソコンの偽警告に関する相談が増えています',
    body: [
      '「ウイルスが検出されました」「サポートセンターに電話してください」と表示される偽の警告についての相談が増えています。',
      '不安に思ったら、消費者ホットライン「188」（いやや！）にご相談ください。',
    ],
  },
  {
    id: 'h-ja-ipa', language: 'ja', layout: 'article', site: '情報セキュリティ安心相談窓口',
    title: '偽のセキュリティ警告に表示された番号に電話をしないで',
    heading: '偽のセキュリティ警告に表示された番号に電話をしないで',
    body: [
      'ウェブサイトを閲覧中に、ウイルス感染を知らせる偽の警告画面が表示され、警告音が鳴り続ける手口が確認されています。',
      '画面を閉じる方法は、Esc キーを長押しして全画面表示を解除し、ブラウザーを閉じることです。閉じられない場合はパソコンを再起動してください。',
    ],
  },
  {
    id: 'h-ja-game', language: 'ja', layout: 'game',
    title: 'ウイルスバスターズ　ステージ3',
    heading: 'ウイルスバスターズ　ステージ3　スコア 8,200',
    body: ['ウイルスをやっつけよう！スペースキーで発射、P で一時停止。'],
  },
  {
    id: 'h-de-news', language: 'de', layout: 'article', site: 'Verbraucherzentrale',
    title: 'Fake-Warnmeldung: „Ihr Computer wurde gesperrt“ | Verbraucherzentrale',
    heading: 'Falsche Virenwarnung im Browser: nicht anrufen!',
    body: [
      'Betrüger blenden im Browser eine Vollbild-Meldung ein: „Ihr Computer wurde gesperrt. Rufen Sie den Microsoft-Support an.“ Dazu ertönt ein Alarmton.',
      'Microsoft zeigt keine Telefonnummern in Warnmeldungen an. Schließen Sie den Browser und rufen Sie die angezeigte Nummer nicht an.',
      'Haben Sie bereits bezahlt? Wenden Sie sich sofort an Ihre Bank und erstatten Sie Anzeige bei der Polizei.',
    ],
  },
  {
    id: 'h-de-bank', language: 'de', layout: 'article', site: 'Sparkasse Musterstadt',
    title: 'Sicherheitshinweis: Fernwartungs-Betrug | Sparkasse Musterstadt',
    heading: 'Wir bitten Sie nie, Fernwartungssoftware zu installieren',
    body: ['Bei Verdacht auf Betrug sperren Sie Ihr Online-Banking über den Sperr-Notruf 116 116.'],
  },
  {
    id: 'h-fr-gov', language: 'fr', layout: 'article', site: 'Cybermalveillance.gouv.fr',
    title: 'Arnaques au faux support technique : que faire ? - Cybermalveillance.gouv.fr',
    heading: 'Arnaques au faux support technique',
    body: [
      'Un message s’affiche en plein écran : « Votre ordinateur est bloqué, virus détecté, appelez le support Microsoft ». Il s’agit d’une arnaque.',
      'N’appelez jamais le numéro affiché et ne donnez pas l’accès à votre ordinateur. Fermez le navigateur.',
      'Victime ? Contactez Info Escroqueries au 0 805 805 817 (appel gratuit).',
    ],
  },
  {
    id: 'h-fr-news', language: 'fr', layout: 'article', site: 'Le Quotidien Régional',
    title: 'Une retraitée piégée par un faux message de virus - Le Quotidien Régional',
    heading: 'Une retraitée piégée par un faux message de virus',
    body: ['« Alerte de sécurité Windows : appelez immédiatement le support », affichait l’écran. Elle a perdu 1 200 euros.'],
  },
  {
    id: 'h-nl-fraudehelpdesk', language: 'nl', layout: 'article', site: 'Fraudehelpdesk',
    title: 'Nep-helpdeskfraude: valse viruswaarschuwing | Fraudehelpdesk',
    heading: 'Let op: valse viruswaarschuwing in de browser',
    body: [
      'Oplichters tonen een melding op het volledige scherm: „Uw computer is geblokkeerd. Bel Microsoft Support.” Bel dit nummer niet.',
      'Microsoft belt u nooit zelf op en zet geen telefoonnummers in foutmeldingen. Vragen? Bel de Fraudehelpdesk op 088-786 73 72.',
    ],
  },
  {
    id: 'h-it-news', language: 'it', layout: 'article', site: 'Polizia Postale',
    title: 'Truffa del finto supporto tecnico: come riconoscerla',
    heading: 'Truffa del finto supporto tecnico',
    body: [
      'Compare un avviso a schermo intero: « Il tuo computer è stato bloccato. Chiama subito l’assistenza Microsoft ». È una truffa.',
      'Non chiamare il numero e non installare programmi di controllo remoto. Chiudi il browser e, se hai pagato, avvisa la banca.',
    ],
  },
  {
    id: 'h-es-news', language: 'es', layout: 'article', site: 'INCIBE',
    title: 'Estafa del falso soporte técnico | INCIBE',
    heading: 'Cuidado con los falsos avisos de virus',
    body: [
      'Aparece un mensaje a pantalla completa: «Su ordenador ha sido bloqueado. Llame al soporte técnico de Microsoft». Es un fraude.',
      'No llame al número. Si tiene dudas, llame a la Línea de Ayuda en Ciberseguridad 017, gratuita y confidencial.',
    ],
  },
  {
    id: 'h-sv-news', language: 'sv', layout: 'article', site: 'Polisen',
    title: 'Varning för falska supportsamtal och virusvarningar | Polisen',
    heading: 'Falska virusvarningar i webbläsaren',
    body: [
      'Bedragare visar ett meddelande i helskärm: ”Din dator är låst. Ring Microsoft Support.” Ring inte numret.',
      'Har du blivit lurad? Kontakta din bank och polisen på 114 14.',
    ],
  },
  {
    id: 'h-de-slides', language: 'de', layout: 'slides',
    title: 'Schulung IT-Sicherheit – Folie 7',
    heading: 'Gefälschte Virenwarnungen erkennen',
    body: ['Beispiel: „Virus gefunden! Rufen Sie sofort 0800 000 000 an.“', '- Echte Software nennt keine Telefonnummer', '- Browser schließen, IT informieren'],
  },
  {
    id: 'h-fr-video', language: 'fr', layout: 'video',
    title: 'Vidéo : reconnaître un faux message de virus',
    heading: 'Vidéo : reconnaître un faux message de virus (6:40)',
    body: ['Sous-titres disponibles.'],
  },
  {
    id: 'h-ja-error-cert', language: 'ja', layout: 'error',
    title: 'プライバシー エラー',
    heading: 'この接続ではプライバシーが保護されません',
    body: ['攻撃者が、secure-login.example から情報（パスワード、メッセージ、クレジットカードなど）を盗み取ろうとしている可能性があります。', 'NET::ERR_CERT_DATE_INVALID'],
  },
];
