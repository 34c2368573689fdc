/**
 * What the benchmark's items say: feed entries as blogs and news sites write them, with titles
 * and bodies of varied length (so cards have varied heights, as real columns do), a link or two
 * in the HTML, and an author on most of them. Deterministic for a seed.
 */
const WORDS = (
  'harbour ferry lighthouse tide anchor crane pier buoy dock sail rope gull filiale kunde service danke ' +
  'heute morgen preis angebot lieferung problem frage antwort update konto karte zahlung zürich bern basel ' +
  'team great thanks order delivery refund broken love why when store price support help issue fixed ' +
  'release notes security patch browser engine performance memory column scroll timeline community ' +
  'weather station river bridge train delay council election budget school library museum festival'
).split(' ');

const AUTHORS = ['Jana Fischer', 'Luca Meier', 'Aylin Kaya', 'Noah Brunner', 'Mia Keller', 'Elias Weber', 'Lea Schmid', 'Tom Baumann'];

export interface EntryContent {
  title: string;
  /** Plain text of the body. */
  text: string;
  html: string;
  author: string | null;
}

function random(seed: number): () => number {
  let x = (seed * 2654435761) >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

function sentence(next: () => number): string {
  const length = 6 + Math.floor(next() * 14);
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)] ?? 'tide');
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export function entryContent(seed: number, link: string): EntryContent {
  const next = random(seed);
  const titleWords = 3 + Math.floor(next() * 9);
  const title = Array.from({ length: titleWords }, () => WORDS[Math.floor(next() * WORDS.length)] ?? 'pier').join(' ');
  // Mostly short entries, some long ones (cut at 600 characters in a collapsed card).
  const paragraphs = Array.from({ length: 1 + Math.floor(next() ** 2 * 4) }, () =>
    Array.from({ length: 1 + Math.floor(next() * 3) }, () => sentence(next)).join(' '),
  );
  const text = paragraphs.join('\n\n');
  const html = paragraphs.map((p, i) => (i === 0 ? `<p>${p} <a href="${link}">Read on</a></p>` : `<p>${p}</p>`)).join('');
  const author = next() < 0.7 ? (AUTHORS[Math.floor(next() * AUTHORS.length)] ?? null) : null;
  return { title: `${title.charAt(0).toUpperCase()}${title.slice(1)}`, text, html, author };
}
