import { useLayoutEffect, useMemo, useRef } from 'react';
import { sanitizeHtml } from './sanitize';

/** Remote HTML, sanitized, appended as nodes (the sanitized string is never parsed again). */
export function ItemHtml({ html, lang }: { html: string; lang?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const fragment = useMemo(() => sanitizeHtml(html), [html]);
  useLayoutEffect(() => {
    ref.current?.replaceChildren(fragment.cloneNode(true));
  }, [fragment]);
  return <div ref={ref} className="item__html" lang={lang} />;
}
