import { describe, expect, it } from 'vitest';
import { ankiText } from './anki.js';
import type { AnkiNote } from './anki.js';

const NOTES: AnkiNote[] = [
  {
    key: 'sql/joins',
    skill: 'sql',
    question: { en: 'What does a join do?', 'zh-CN': '连接做什么？' },
    answer: { en: 'Matches rows on a key.', 'zh-CN': '按键匹配行。' },
  },
  {
    key: 'sql/quote',
    skill: 'sql',
    question: { en: 'Say "hi"\tnow' },
    answer: { en: 'Line one\nline two' },
  },
];

/** Read the file back the way Anki does: headers, then tab-separated fields, quoted where needed. */
function parse(text: string): { headers: Map<string, string>; rows: string[][] } {
  const headers = new Map<string, string>();
  const rows: string[][] = [];
  let i = 0;
  const lines = text.split('\n');
  while (lines[i]?.startsWith('#')) {
    const line = lines[i] ?? '';
    const colon = line.indexOf(':');
    headers.set(line.slice(1, colon), line.slice(colon + 1));
    i++;
  }
  const body = lines.slice(i).join('\n');
  let row: string[] = [];
  let value = '';
  let quoted = false;
  for (let k = 0; k < body.length; k++) {
    const c = body[k];
    if (quoted) {
      if (c === '"' && body[k + 1] === '"') {
        value += '"';
        k++;
      } else if (c === '"') quoted = false;
      else value += c;
    } else if (c === '"' && value === '') quoted = true;
    else if (c === '\t') {
      row.push(value);
      value = '';
    } else if (c === '\n') {
      row.push(value);
      rows.push(row);
      row = [];
      value = '';
    } else value += c;
  }
  return { headers, rows };
}

describe('the Anki export', () => {
  it('writes the headers Anki reads and one Basic note per card with a stable GUID and tags', () => {
    const text = ankiText({ curriculumId: 'ml-engineer', deck: 'mlpath::ML', locale: 'zh-CN', notes: NOTES });
    const { headers, rows } = parse(text);
    expect(Object.fromEntries(headers)).toEqual({
      separator: 'tab',
      html: 'false',
      notetype: 'Basic',
      deck: 'mlpath::ML',
      'guid column': '1',
      'tags column': '4',
      columns: 'GUID\tFront\tBack\tTags',
    });
    expect(rows[0]).toEqual(['mlpath:ml-engineer:sql/joins', '连接做什么？', '按键匹配行。', 'mlpath sql']);
    expect(rows).toHaveLength(2);
  });

  it('quotes fields with tabs, line breaks or quotes so they read back whole', () => {
    const { rows } = parse(ankiText({ curriculumId: 'c', deck: 'd', locale: 'en', notes: NOTES }));
    expect(rows[1]).toEqual(['mlpath:c:sql/quote', 'Say "hi"\tnow', 'Line one\nline two', 'mlpath sql']);
  });
});
