import { describe, expect, it } from 'vitest';
import { detectLanguage, MAX_POSTING_LENGTH, postingProblem, textViews } from './text.js';

describe('textViews', () => {
  it('keeps the input length, blanks markup, turns block tags into line breaks and keeps one character per entity', () => {
    const html = '<h2>Skills</h2><p>Python &amp; SQL&nbsp;&#x4E2D;</p><script>var k = "PyTorch";</script>';
    const { folded, plain } = textViews(html);
    expect(folded).toHaveLength(html.length);
    expect(plain).toHaveLength(html.length);
    expect(plain.trim().replace(/\s+/g, ' ')).toBe('Skills Python & SQL 中');
    expect(plain[0]).toBe('\n');
    expect(folded).not.toContain('pytorch');
  });

  it('folds case and full-width forms one code unit at a time, so offsets hold', () => {
    const text = 'ＰｙＴｏｒｃｈ：Kubernetes İ 😀';
    const { folded } = textViews(text);
    expect(folded).toHaveLength(text.length);
    expect(folded.startsWith('pytorch:kubernetes')).toBe(true);
  });

  it('leaves plain text and Markdown as they are', () => {
    const md = '## Requirements\n- **PyTorch** <3 and a < b';
    expect(textViews(md).plain).toBe(md);
  });
});

describe('detectLanguage and postingProblem', () => {
  it('tells English, Chinese and other languages apart', () => {
    expect(detectLanguage('We are looking for an engineer with experience in Python and SQL.')).toBe('en');
    expect(detectLanguage('岗位职责：负责大模型应用开发，熟悉 Python、LangChain 和 RAG。')).toBe('zh-CN');
    expect(
      detectLanguage('Wir suchen einen Ingenieur für maschinelles Lernen, der mit Python und der Cloud arbeitet.'),
    ).toBeUndefined();
    expect(
      detectLanguage('Ищем инженера по машинному обучению с опытом работы с Python и SQL в команде данных.'),
    ).toBeUndefined();
  });

  it('names what is wrong with an unreadable text', () => {
    expect(postingProblem('')).toEqual({ kind: 'empty' });
    expect(postingProblem('a'.repeat(MAX_POSTING_LENGTH + 1))).toEqual({
      kind: 'too-long',
      length: MAX_POSTING_LENGTH + 1,
      limit: MAX_POSTING_LENGTH,
    });
    expect(postingProblem(`PK\u0003\u0004${'\u0001\u0002'.repeat(40)} engineer`)).toEqual({ kind: 'binary' });
    expect(postingProblem('ML engineer with Python and PyTorch experience.')).toBeUndefined();
  });
});
