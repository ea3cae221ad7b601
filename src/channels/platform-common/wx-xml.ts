import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({
  ignoreAttributes: true,
  // Keep ids and numbers as text: MsgId is a 64-bit number that would lose digits as a JS number.
  parseTagValue: false,
  trimValues: false,
  // WeChat puts text in CDATA; no entity expansion, so a crafted DOCTYPE cannot blow up memory.
  processEntities: false,
});

/**
 * Parses a flat WeChat/WeCom XML message (`<xml><Tag>value</Tag>...</xml>`)
 * into tag -> text. Nested elements are ignored (none of the fields we read
 * are nested). Throws on XML that has no `<xml>` root.
 */
export function parseWxXml(xml: string): Record<string, string> {
  const doc: unknown = parser.parse(xml);
  const root = typeof doc === 'object' && doc !== null && 'xml' in doc ? (doc as { xml: unknown }).xml : undefined;
  if (typeof root !== 'object' || root === null) throw new Error('not a WeChat XML message');
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(root)) {
    if (typeof value === 'string' || typeof value === 'number') out[name] = String(value);
  }
  return out;
}

/** CDATA that survives a `]]>` inside the text. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** Builds `<xml>` from tag -> value; strings become CDATA, numbers stay bare. */
export function buildWxXml(fields: Readonly<Record<string, string | number>>): string {
  const body = Object.entries(fields)
    .map(([name, value]) => `<${name}>${typeof value === 'number' ? String(value) : cdata(value)}</${name}>`)
    .join('');
  return `<xml>${body}</xml>`;
}
