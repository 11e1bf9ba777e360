/** The report's inline stylesheet: readable on screen, clean on A4 paper. */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: "Noto Sans CJK JP", "Yu Gothic", "Meiryo", "Segoe UI", sans-serif; font-size: 15px; line-height: 1.55; color: #1a1a1a; max-width: 1000px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 24px; border-bottom: 3px solid #1c5d99; padding-bottom: 6px; }
h2 { font-size: 19px; color: #1c5d99; margin-top: 28px; border-bottom: 1px solid #c9d6e3; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid #c9d6e3; padding: 6px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
/* Paths and page text may be one long word: let only those break anywhere, not short labels. */
li, td:last-child { overflow-wrap: anywhere; }
th { background: #eef3f8; }
td:first-child { min-width: 7em; }
ul { margin: 0; padding-left: 20px; }
ul.open { list-style: none; padding-left: 0; font-size: 16px; }
.warning { background: #fff4e5; border-left: 4px solid #d9822b; padding: 8px 12px; }
.footer { color: #555; font-size: 13px; margin-top: 32px; }
@media print { body { margin: 0; max-width: none; font-size: 12px; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;
