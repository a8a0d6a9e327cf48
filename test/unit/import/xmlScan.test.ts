import { describe, expect, it } from 'vitest';
import { attrOf, XmlScanner } from '../../../electron/import/xmlScan';

/** Every event the scanner reports, texts joined per element (a cut may split one text into two calls). */
function events(chunks: string[], collect: (name: string) => boolean): string[] {
  const out: string[] = [];
  let text = '';
  const scanner = new XmlScanner({
    open(name, attrs, empty) {
      out.push(`open ${name} [${attrOf(attrs, 'r') ?? ''}|${attrOf(attrs, 'id') ?? ''}]${empty ? ' /' : ''}`);
      scanner.collect = collect(name);
    },
    close(name) {
      if (text !== '') out.push(`text ${JSON.stringify(text)}`);
      text = '';
      out.push(`close ${name}`);
      scanner.collect = false;
    },
    text(value) {
      text += value;
    },
  });
  for (const c of chunks) scanner.write(c);
  scanner.end();
  return out;
}

const XML =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment with <row> in it -->\n' +
  '<x:worksheet xmlns:x="urn:x" xmlns:r="urn:r"><x:sheetData>\n  <x:row r="1" spans="1:2"><x:c r="A1" t="s" s=\'3\'><x:v>12</x:v></x:c>' +
  '<x:c r="B1" t="inlineStr" note="a > b"><x:is><x:t xml:space="preserve"> 甲 &amp; 乙 &#x1F642; &#20013; &lt;t&gt; </x:t></x:is></x:c></x:row>\n' +
  '<row r="2"><c r="A2"><v><![CDATA[<raw> & text]]></v></c><c r="B2"/></row>' +
  '<sheet name="客户" r:id="rId7"/></x:sheetData></x:worksheet>\n';

describe('streaming XML tokenizer', () => {
  it('gives the same events however the text is cut into two chunks (tags, entities, CDATA and comments cut anywhere)', () => {
    const collect = (n: string) => n === 't' || n === 'v';
    const whole = events([XML], collect);
    expect(whole).toContain('open row [1|]');
    expect(whole).toContain('open c [B1|]');
    expect(whole).toContain('text " 甲 & 乙 🙂 中 <t> "');
    expect(whole).toContain('text "<raw> & text"');
    expect(whole).toContain('open c [B2|] /');
    expect(whole).toContain('open sheet [|rId7] /');
    for (let cut = 1; cut < XML.length; cut++) expect(events([XML.slice(0, cut), XML.slice(cut)], collect), `cut at ${cut}`).toEqual(whole);
    // One UTF-16 unit at a time (the emoji reference is written as &#x1F642;, so no pair is split).
    expect(events(Array.from({ length: XML.length }, (_, i) => XML.charAt(i)), collect)).toEqual(whole);
  });

  it('refuses what is not well-formed: early end, wrong close, bare &, DOCTYPE, text outside the root, a second root', () => {
    const bad: [string, RegExp][] = [
      ['<a><b>text</b>', /ends early, inside <a>/],
      ['<a><b></a>', /<\/a> closes <b>/],
      ['<a>1 & 2</a>', /unknown entity or a bare "&"/],
      ['<!DOCTYPE a [<!ENTITY x "y">]><a/>', /DOCTYPE/],
      ['<a/>junk', /text outside the root element/],
      ['<a/><b/>', /a second root element/],
      ['<a x="1 < 2"/>', /"<" inside an attribute value/],
      ['<a>&#0;</a>', /invalid character/],
      ['', /no root element/],
    ];
    for (const [xml, message] of bad) expect(() => events([xml], () => true), xml).toThrow(message);
  });
});
