/**
 * @module yaml-source
 * Parses one YAML file and keeps what is needed to point at any value in it by line and column.
 */
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import { codedProblem } from '../core/errors.js';
import type { Problem, SourcePlace } from '../core/errors.js';

export type PathKey = string | number;

export interface YamlSource {
  /** The file's path as it should appear in messages (relative to the working directory where possible). */
  readonly file: string;
  readonly data: unknown;
  /** Line and column of the value at a path, or of its nearest ancestor that exists. */
  place(path: readonly PathKey[], key?: string): SourcePlace;
}

export function parseYamlSource(file: string, text: string): { source: YamlSource; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const error of doc.errors) {
    // Without prettyErrors the parser leaves linePos unset; the offset it always gives is turned into
    // line and column here, so a syntax error points at its place rather than at 1:1.
    const pos = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
    problems.push(
      codedProblem(
        'content.invalidYaml',
        { text: firstLine(error.message) },
        {
          place: { file, line: pos?.line ?? 1, column: pos?.col ?? 1 },
        },
      ),
    );
  }
  const at = (offset: number): SourcePlace => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  const source: YamlSource = {
    file,
    data: problems.length > 0 ? undefined : doc.toJS({ maxAliasCount: 1000 }),
    place(path, key) {
      const node = nearestNode(doc, path);
      if (node && key !== undefined && isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
        if (pair && isNode(pair.key) && pair.key.range) return at(pair.key.range[0]);
      }
      if (node?.range) return at(node.range[0]);
      return { file, line: 1, column: 1 };
    },
  };
  return { source, problems };
}

function nearestNode(doc: Document, path: readonly PathKey[]): Node | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true);
    if (isNode(node) && (isMap(node) || isSeq(node) || isScalar(node))) {
      // A value's node is where the reader looks; for a missing key, its parent object.
      return node;
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
