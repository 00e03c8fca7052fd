/**
 * @module importers/roadmap-sh-content
 * A roadmap.sh topic file (`content/<slug>@<nodeId>.md`) read with a CommonMark parser
 * (mdast-util-from-markdown): its title, its first paragraph as the summary, and its resource list,
 * `- [@type@Title](url)`.
 *
 * Real files bend that form: brackets inside titles (escaped `\[1 of 5\]` or not), `@Video@` in
 * capitals, a title running onto a second line, a `.` after the link, `@articleTitle` without its
 * second `@`, `*` bullets. CommonMark reads all of these as the link they are; the type is then
 * taken from the text's `@type@` head, case-insensitively, and a known type missing its closing `@`
 * is recognised. A list item that looks like a resource but holds no readable link is returned in
 * `skipped` with its line, never thrown: one odd line does not stop an import.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Link, List, ListItem, Nodes, Paragraph, Root } from 'mdast';

/** One resource link of a topic file. */
export interface ContentLink {
  /** The `@type@` of the link, lower case (`article`, `video`, ...); `article` when the link has none. */
  readonly type: string;
  readonly title: string;
  readonly url: string;
  /** Line (from 1) where the link starts. */
  readonly line: number;
}

/** A list item that looks like a resource but could not be read as one. */
export interface SkippedLine {
  readonly line: number;
  readonly text: string;
  /** Why the line was skipped (a key of the catalogue's `notes`). */
  readonly why: string;
}

export interface RoadmapContent {
  readonly title: string | undefined;
  readonly summary: string | undefined;
  readonly links: readonly ContentLink[];
  readonly skipped: readonly SkippedLine[];
}

/** Link types roadmap.sh uses; a type missing its closing `@` is recognised from this list. */
export const LINK_TYPES = [
  'article',
  'official',
  'opensource',
  'roadmap',
  'feed',
  'course',
  'video',
  'podcast',
  'book',
] as const;

const TYPED = /^@([a-z][a-z.]*)@\s*([\s\S]*)$/i;

/** The plain text of a node: its text and inline code, line breaks as spaces. */
function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** `@articleDecision Tree`: a known type whose closing `@` is missing, the title starting after it. */
function unclosedHead(text: string): { type: string; rest: string } | undefined {
  const lower = text.toLowerCase();
  for (const type of LINK_TYPES) {
    if (!lower.startsWith(`@${type}`)) continue;
    const rest = text.slice(type.length + 1);
    // The title must start as a new word: a capital, a digit, a space or a bracket, not more letters.
    if (rest === '' || /^[a-z]/.test(rest)) continue;
    return { type, rest };
  }
  return undefined;
}

/**
 * A resource link's type and title from its text (`@type@Title`); `undefined` for a link without
 * an `@type@` head (a plain link in prose, not a resource); or why it cannot be read.
 */
export function linkHead(text: string): { type: string; title: string } | { why: string } | undefined {
  const typed = TYPED.exec(text);
  const head = typed ? { type: typed[1] ?? '', rest: typed[2] ?? '' } : unclosedHead(text);
  if (!head) return text.startsWith('@') ? { why: 'warn.noHead' } : undefined;
  const title = squash(head.rest);
  if (title === '') return { why: 'warn.noLinkTitle' };
  return { type: head.type.toLowerCase(), title };
}

function isVisitLine(text: string): boolean {
  return /^visit the following resources/i.test(text.trim());
}

/**
 * Read a topic file. Never throws on odd Markdown: what cannot be read as a resource is returned in
 * `skipped`, with its line, for the caller to report.
 */
export function parseRoadmapContent(text: string): RoadmapContent {
  const tree: Root = fromMarkdown(text);
  let title: string | undefined;
  let summary: string | undefined;
  const links: ContentLink[] = [];
  const skipped: SkippedLine[] = [];
  const lines = text.split(/\r?\n/);
  const lineText = (line: number): string => (lines[line - 1] ?? '').trim();

  const readItem = (item: ListItem): void => {
    const found: Link[] = [];
    const collect = (node: Nodes): void => {
      if (node.type === 'link') {
        found.push(node);
        return;
      }
      if (node.type === 'list') return; // a nested list's items are read on their own
      if ('children' in node) for (const child of node.children as Nodes[]) collect(child);
    };
    for (const child of item.children) if (child.type !== 'list') collect(child);
    const line = item.position?.start.line ?? 0;
    if (found.length === 0) {
      // A bullet written as a resource (`[@type@...`) that is not a link: say so. Other bullets
      // (prose in a list) are not resources and are left alone.
      if (/^\[@/.test(lineText(line).replace(/^[-*+]\s+/, ''))) {
        skipped.push({ line, text: lineText(line), why: 'warn.noLink' });
      }
    }
    for (const link of found) {
      const head = linkHead(plainText(link));
      const at = link.position?.start.line ?? line;
      if (head === undefined) continue;
      if ('why' in head) {
        skipped.push({ line: at, text: lineText(at), why: head.why });
        continue;
      }
      links.push({ type: head.type, title: head.title, url: link.url.trim(), line: at });
    }
    for (const child of item.children) if (child.type === 'list') readList(child);
  };
  const readList = (list: List): void => {
    for (const item of list.children) readItem(item);
  };

  for (const node of tree.children) {
    if (node.type === 'heading') {
      if (title === undefined && node.depth === 1) title = squash(plainText(node)) || undefined;
      continue;
    }
    if (node.type === 'paragraph') {
      const words = squash(plainText(node as Paragraph));
      if (summary === undefined && links.length === 0 && words !== '' && !isVisitLine(words)) summary = words;
      continue;
    }
    if (node.type === 'list') readList(node);
  }
  return { title, summary, links, skipped };
}
