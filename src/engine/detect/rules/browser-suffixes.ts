/**
 * What browsers append to a page's title, as it appears after normalisation (lower case,
 * invisible characters removed, every dash turned into "-"). Edge writes
 * "<title> - <profile> - Microsoft\u200b Edge", with "and N more pages" / "、他 N ページ" when
 * tabs are grouped; Firefox uses an em dash and "Private Browsing".
 */
export const BROWSER_NAMES: readonly string[] = [
  'google chrome', 'chromium', 'microsoft edge', 'mozilla firefox', 'firefox', 'firefox developer edition',
  'firefox nightly', 'brave', 'opera', 'vivaldi', 'yandex', 'yandex browser', 'naver whale', 'whale', 'sleipnir',
  'waterfox', 'librewolf', 'thorium', 'internet explorer', 'private browsing', 'プライベートブラウジング',
];

/** Markers browsers put after their own name. */
export const BROWSER_NAME_MARKERS: readonly string[] = [
  'private browsing', 'プライベートブラウジング', '\\(incognito\\)', '\\(シークレット\\)', '\\(inprivate\\)', 'beta', 'dev', 'canary',
];

/** Profile names a browser shows between the title and its own name (only these are stripped). */
export const PROFILE_NAMES: readonly string[] = [
  'personal', 'work', 'school', 'default', 'guest', 'inprivate', '\\[inprivate\\]', 'profile ?\\d+', 'person ?\\d+',
  'user ?\\d+', '個人', '仕事', '職場', '学校', '既定', 'ゲスト', 'プロファイル ?\\d+', 'ユーザー ?\\d+', 'personlich', 'arbeit',
  'personnel', 'travail', 'personal', 'trabajo', 'lavoro', 'persoonlijk', 'werk', 'pessoal', 'trabalho',
];

/** "... and N more pages" in the languages of the UI. */
export const MORE_PAGES: readonly string[] = [
  'and \\d+ more (?:pages?|tabs?)', '[、,]? ?他 ?\\d+ ?(?:個の)?(?:ページ|タブ)', 'und \\d+ weitere (?:seiten|tabs)',
  'et \\d+ autres? (?:pages?|onglets?)', 'y \\d+ paginas mas', 'e altre \\d+ pagine', 'en \\d+ andere pagina.s',
  'e mais \\d+ paginas',
];
