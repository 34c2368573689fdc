import { toPng } from 'html-to-image';
import { csvBlob, type CsvTable } from '../../../../shared/export/csv';

/** Hands a file to the browser's download (Electron asks where to save it). */
function download(href: string, filename: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/** A file name without characters that Windows, macOS or Linux refuse: "Migros-volume-2025-03-01_2025-03-07". */
export function exportFileName(parts: readonly string[], extension: 'csv' | 'png'): string {
  const name = parts
    .map((part) =>
      [...part.normalize('NFC')]
        .map((char) => (char.charCodeAt(0) < 32 ? '-' : char))
        .join('')
        .replace(/[\\/:*?"<>|]+/g, '-')
        .replace(/\s+/g, '-')
        .replace(/-+/g, '-')
        .replace(/^[-.]+|[-.]+$/g, ''),
    )
    .filter(Boolean)
    .join('-');
  return `${name.slice(0, 150) || 'leitstand'}.${extension}`;
}

export function downloadCsv(table: CsvTable, filename: string): void {
  const url = URL.createObjectURL(csvBlob(table));
  try {
    download(url, filename);
  } finally {
    // The click has started the download; the URL is not needed any more after this task.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/**
 * The card's chart as a PNG at twice the screen's resolution, on the theme's background (a
 * transparent PNG is unreadable in the other theme). Buttons and the table are left out.
 */
export async function downloadPng(node: HTMLElement, filename: string, background: string): Promise<void> {
  const url = await toPng(node, {
    backgroundColor: background,
    pixelRatio: 2,
    // The app uses system fonts only: nothing to embed, and no stylesheet fetching.
    skipFonts: true,
    filter: (element) => !(element instanceof HTMLElement && element.dataset.exportSkip !== undefined),
  });
  download(url, filename);
}
