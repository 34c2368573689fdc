import { useEffect, useState } from 'react';
import type { SentimentKey } from './charts';

/** Colours of the charts, read from the theme's CSS variables (styles/dashboard.css). */
export interface Palette {
  series: string[];
  sentiment: Record<SentimentKey, string>;
  text: string;
  muted: string;
  grid: string;
  surface: string;
}

const SERIES_VARS = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6', '--chart-7', '--chart-8'];

function readPalette(): Palette {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    series: SERIES_VARS.map((name) => read(name, '#2b5d8c')),
    sentiment: {
      positive: read('--chart-positive', '#2e7d4f'),
      neutral: read('--chart-neutral', '#8a94a3'),
      negative: read('--chart-negative', '#b3261e'),
      unanalysed: read('--chart-unanalysed', '#d6dbe2'),
    },
    text: read('--text', '#1c232d'),
    muted: read('--text-muted', '#5a6472'),
    grid: read('--border', '#d8dce3'),
    surface: read('--bg-surface', '#ffffff'),
  };
}

/**
 * Recharts draws with SVG attributes, which cannot follow CSS variables by themselves: the
 * colours are read from the theme and read again when it changes (the settings' data-theme on
 * <html>, or the system's dark mode while the theme follows it). A PNG export then carries the
 * colours the user sees.
 */
export function usePalette(): Palette {
  const [palette, setPalette] = useState(readPalette);
  useEffect(() => {
    const update = () => setPalette(readPalette());
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', update);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', update);
    };
  }, []);
  return palette;
}

export function seriesColor(palette: Palette, index: number, tone?: SentimentKey): string {
  if (tone) return palette.sentiment[tone];
  return palette.series[index % palette.series.length]!;
}
