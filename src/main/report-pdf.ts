/**
 * The report as PDF in the app: the saved HTML file is opened in a hidden, sandboxed window
 * with JavaScript off (the file has none anyway) and printed with Electron's printToPDF.
 */
import { writeFile } from 'node:fs/promises';
import { BrowserWindow } from 'electron';

/** Prints `htmlPath` to `pdfPath` (A4); false when it could not (the HTML stays). */
export async function printReportToPdf(htmlPath: string, pdfPath: string): Promise<boolean> {
  const window = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
  try {
    await window.loadFile(htmlPath);
    const data = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
    await writeFile(pdfPath, data);
    return true;
  } catch {
    return false; // the end screen then shows the HTML path only
  } finally {
    window.destroy();
  }
}
