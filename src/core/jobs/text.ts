/**
 * @module jobs/text
 * A posting's text prepared for matching without losing positions: plain text, Markdown and HTML all give
 * two views of exactly the input's length (UTF-16 code units), so every offset found in a view is an offset
 * into the input as read. Markup becomes spaces (block tags become line breaks); entities keep their
 * first character; one view folds case and full-width forms, the other keeps case for names such as "Go".
 * Also: which language a posting is in, and whether it can be read at all.
 */

/** Longest posting read, in UTF-16 code units (a long posting is under 20,000). */
export const MAX_POSTING_LENGTH = 100_000;

export type PostingLanguage = 'en' | 'zh-CN';

export type PostingProblemKind = 'empty' | 'binary' | 'too-long' | 'unsupported-language';

/** Why a text cannot be read as a posting; the faces word it in the learner's language. */
export interface PostingProblem {
  readonly kind: PostingProblemKind;
  /** For `too-long`: the text's length and the limit, in UTF-16 code units. */
  readonly length?: number;
  readonly limit?: number;
}

export interface TextViews {
  /** Same length as the input; markup blanked; case and full-width forms folded. */
  readonly folded: string;
  /** Same length as the input; markup blanked; case kept. */
  readonly plain: string;
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'td',
  'th',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'dt',
  'dd',
  'dl',
  'blockquote',
  'pre',
  'hr',
  'title',
]);

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '-',
  mdash: '-',
  bull: '•',
  middot: '·',
};

/** Build both views of a posting's text. Pure; O(length). */
export function textViews(input: string): TextViews {
  const out = input.split('');
  const markup = looksLikeHtml(input);
  if (markup) {
    let i = 0;
    while (i < input.length) {
      const ch = input[i];
      if (ch === '<') {
        const close = input.indexOf('>', i + 1);
        const tag = /^<\/?\s*([a-zA-Z][a-zA-Z0-9]*)|^<!--|^<!/.exec(input.slice(i, i + 40));
        if (tag && close !== -1 && close - i < 2000) {
          let end = close;
          const name = (tag[1] ?? '').toLowerCase();
          if (tag[0] === '<!--') {
            const c = input.indexOf('-->', i + 4);
            end = c === -1 ? input.length - 1 : c + 2;
          } else if ((name === 'script' || name === 'style') && !tag[0].startsWith('</')) {
            const c = input.toLowerCase().indexOf(`</${name}`, close);
            const after = c === -1 ? -1 : input.indexOf('>', c);
            end = after === -1 ? input.length - 1 : after;
          }
          for (let k = i; k <= end; k++) out[k] = input[k] === '\n' ? '\n' : ' ';
          if (BLOCK_TAGS.has(name)) out[i] = '\n';
          i = end + 1;
          continue;
        }
      } else if (ch === '&') {
        const entity = /^&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/.exec(input.slice(i, i + 12));
        if (entity) {
          const body = entity[1] ?? '';
          let value: string | undefined;
          if (body.startsWith('#x')) value = String.fromCodePoint(Number.parseInt(body.slice(2), 16));
          else if (body.startsWith('#')) value = String.fromCodePoint(Number.parseInt(body.slice(1), 10));
          else value = ENTITIES[body.toLowerCase()];
          if (value !== undefined && value.length === 1) {
            out[i] = value;
            for (let k = i + 1; k < i + entity[0].length; k++) out[k] = ' ';
            i += entity[0].length;
            continue;
          }
        }
      }
      i++;
    }
  }
  const plain = out.join('');
  let folded = '';
  for (const c of out) folded += foldChar(c);
  return { folded, plain };
}

function looksLikeHtml(text: string): boolean {
  return /<\/?(?:p|div|li|ul|ol|br|h[1-6]|span|strong|b|em|table|section|html|body)\b[^>]*>/i.test(text);
}

/** One UTF-16 code unit in, one out: lower case, ASCII for full-width forms, space for odd spaces. */
function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) {
    // Full-width ASCII; keep the full-width colon and semicolon's meaning by folding them to ASCII too.
    return String.fromCharCode(code - 0xfee0).toLowerCase();
  }
  if (code === 0x3000 || code === 0x00a0) return ' ';
  const lower = c.toLowerCase();
  return lower.length === 1 ? lower : c;
}

const CJK = /[\u4e00-\u9fff\u3400-\u4dbf]/g;
const KANA_HANGUL = /[\u3041-\u3096\u30a1-\u30fa\uac00-\ud7a3]/g;
const LATIN_WORD = /[a-zA-Z][a-zA-Z'-]*/g;
const OTHER_LETTERS = /[\u0410-\u044f\u05d0-\u05ea\u0627-\u064a\u0905-\u0939\u0e01-\u0e2e]/g;
const ENGLISH_WORDS = new Set(
  'the and of to with in for a an you we our or on is are be as will your experience work team years build using data models skills strong knowledge ability'.split(
    ' ',
  ),
);
/** Common words of other languages written in Latin letters (French, Spanish, German, Italian, Portuguese). */
const OTHER_LATIN_WORDS = new Set(
  'le la les des et un une pour avec dans sur nous vous est du au el los las del y con para por una der die das und mit für wir sie ist nicht il di che per gli os da do em com não é'.split(
    ' ',
  ),
);

/**
 * The posting's language: Chinese when Chinese characters make up a fair part of it, English when enough
 * of its Latin words are common English words, otherwise undefined (another language).
 */
export function detectLanguage(text: string): PostingLanguage | undefined {
  const cjk = text.match(CJK)?.length ?? 0;
  const kana = text.match(KANA_HANGUL)?.length ?? 0;
  const other = text.match(OTHER_LETTERS)?.length ?? 0;
  const words = text.match(LATIN_WORD) ?? [];
  if (kana > cjk * 0.2 && kana > 10) return undefined;
  // A Chinese posting names many tools in English; count words as about two characters each.
  if (cjk >= 10 && cjk >= words.length * 0.5) return 'zh-CN';
  if (other > words.length * 2 && other > 20) return undefined;
  if (words.length === 0) return cjk > 0 ? 'zh-CN' : undefined;
  const english = words.filter((w) => ENGLISH_WORDS.has(w.toLowerCase())).length;
  const foreign = (text.match(/[a-zA-Z\u00c0-\u00ff]+/g) ?? []).filter((w) =>
    OTHER_LATIN_WORDS.has(w.toLowerCase()),
  ).length;
  if (foreign >= 2 && foreign > english) return undefined;
  if (english >= Math.max(2, words.length * 0.06)) return 'en';
  // Short texts (a title and a list of tools) carry few function words: accept them as English.
  if (words.length <= 30 && other === 0 && foreign === 0) return 'en';
  return undefined;
}

/** Why `text` cannot be read as a posting, or undefined when it can. */
export function postingProblem(text: string): PostingProblem | undefined {
  if (text.trim().length === 0) return { kind: 'empty' };
  if (text.length > MAX_POSTING_LENGTH) return { kind: 'too-long', length: text.length, limit: MAX_POSTING_LENGTH };
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return { kind: 'binary' };
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control++;
  }
  if (control > Math.max(3, text.length * 0.01)) return { kind: 'binary' };
  if (detectLanguage(textViews(text).plain) === undefined) return { kind: 'unsupported-language' };
  return undefined;
}
