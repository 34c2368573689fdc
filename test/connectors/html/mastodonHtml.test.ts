import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/main/core/connectors/html/htmlToText';

// Mastodon's status HTML through the connectors' one HTML-to-text conversion.
describe('plain text from Mastodon status HTML', () => {
  it.each([
    ['<p>Hello <strong>world</strong></p>', 'Hello world'],
    ['<p>a</p><p>b</p>', 'a\n\nb'],
    ['<p>a<br>b<br/>c</p>', 'a\nb\nc'],
    ['<p><a href="https://example.com/long/path"><span class="invisible">https://</span><span class="ellipsis">example.com/lo</span><span class="invisible">ng/path</span></a></p>', 'https://example.com/long/path'],
    ['<p><span class="h-card"><a href="https://m.example/@al" class="u-url mention">@<span>al</span></a></span> hi</p>', '@al hi'],
    // Entities are decoded once; runs of white space (a no-break space too) become one space.
    ['&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &#39;x&#39; &#x1F600; &nbsp;ok', "<script>alert(1)</script> &amp; 'x' 😀 ok"],
    ['<p>before</p><script>steal()</script><style>p{}</style><!-- note --><p>after</p>', 'before\n\nafter'],
    ['<ul><li>one</li><li>two</li></ul>', 'one\ntwo'],
    // As the HTML standard says: NUL and out-of-range code points become U+FFFD, never a crash.
    ['&#0; &#99999999; &bogus; 5 < 6', '\uFFFD \uFFFD &bogus; 5 < 6'],
    ['', ''],
  ])('%j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
