import { describe, expect, it } from 'vitest';
import { htmlTokens } from '../../../src/main/core/connectors/html/htmlTokens';
import { htmlToText } from '../../../src/main/core/connectors/html/htmlToText';

describe('htmlToText', () => {
  it.each([
    ['<p>Hello <b>world</b></p>', 'Hello world'],
    ['<p>One</p><p>Two</p>', 'One\n\nTwo'],
    ['a<br>b<br/>c', 'a\nb\nc'],
    ['<ul><li>x</li><li>y</li></ul>', 'x\ny'],
    ['  lots \n\n of\t\tspace  ', 'lots of space'],
    ['Fish &amp; chips &lt;3 &eacute;t&eacute; &#x1F600; &nbsp;!', 'Fish & chips <3 été 😀 !'],
    ['a < b and c > d', 'a < b and c > d'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
    ['<!-- hidden --><p>shown</p>', 'shown'],
    ['<![CDATA[literal &amp; <b>]]> text', 'literal &amp; <b> text'],
    ['<a href="x" title="a > b">link</a>', 'link'],
    ['<img src="x.png" alt="a picture"> caption', 'caption'],
    ['<table><tr><td>a</td><td>b</td></tr></table>', 'a b'],
    ['text <b unfinished', 'text'],
    ['ctrl\u0007char', 'ctrlchar'],
  ])('%j -> %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('leaves out scripts, styles and other hidden contents, however they are written', () => {
    const html = [
      '<p>before</p>',
      '<script>document.write("<p>evil</p>")</script>',
      '<SCRIPT type="text/javascript">var x = "</p>";</SCRIPT >',
      '<script/>alert("self-closing is ignored")</script>',
      '<style>p { color: red }</style>',
      '<noscript><p>enable js</p></noscript>',
      '<template><p>tpl</p></template>',
      '<svg><text>drawn</text><svg><text>nested</text></svg></svg>',
      '<iframe src="x">frame text</iframe>',
      '<p>after</p>',
    ].join('');
    expect(htmlToText(html)).toBe('before\n\nafter');
  });

  it('an unclosed script hides everything after it rather than leaking it', () => {
    expect(htmlToText('<p>ok</p><script>while(1){} <p>not text')).toBe('ok');
  });

  it('is fast enough on large input', () => {
    const html = '<p>Some <b>bold</b> &amp; text</p>'.repeat(20_000);
    const started = Date.now();
    expect(htmlToText(html).length).toBeGreaterThan(100_000);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('htmlTokens', () => {
  it('reads attributes: quoted, unquoted, valueless, entities, first of duplicates', () => {
    const [token] = [...htmlTokens(`<link REL=alternate type='application/rss+xml' href="/feed?a=1&amp;b=2" title="Q &quot;x&quot;" hidden rel="ignored">`)];
    expect(token).toMatchObject({ type: 'open', name: 'link' });
    const attributes = token?.type === 'open' ? Object.fromEntries(token.attributes) : {};
    expect(attributes).toEqual({ rel: 'alternate', type: 'application/rss+xml', href: '/feed?a=1&b=2', title: 'Q "x"', hidden: '' });
  });

  it('does not see tags inside raw text or comments', () => {
    const names = [...htmlTokens('<style>a{}</style><!-- <link rel=alternate> --><script>"<link>"</script><link>')]
      .filter((t) => t.type === 'open')
      .map((t) => (t.type === 'open' ? t.name : ''));
    expect(names).toEqual(['style', 'script', 'link']);
  });
});
