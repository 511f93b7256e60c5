// Parses a content file as JSON and keeps its syntax tree, so every problem can point at a line and column.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ZodError } from 'zod';
import type { ContentProblem } from './errors.js';

export interface JsonDocument {
  file: string;
  value: unknown;
  /** Line and column (1-based) of the value at a JSON path, or of its nearest existing parent. */
  locate(path: readonly (string | number)[]): { line: number; col: number };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') starts.push(index + 1);
  return starts;
}

function positionOf(starts: number[], offset: number): { line: number; col: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, col: offset - starts[low]! + 1 };
}

export function parseJsonDocument(file: string, text: string): { document: JsonDocument; problems: [] } | { document?: undefined; problems: ContentProblem[] } {
  const starts = lineStarts(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !tree) {
    // Only the first syntax error is reliable: the ones after it follow from it.
    const first = errors[0] ?? ({ error: 4, offset: 0, length: 0 } as ParseError);
    return {
      problems: [{ file, ...positionOf(starts, first.offset), message: `invalid JSON: ${printParseErrorCode(first.error)}`, severity: 'error' }],
    };
  }
  // JSON.parse (not the tree) builds the value: it keeps a "__proto__" key as plain data.
  const value: unknown = JSON.parse(text);
  const locate = (path: readonly (string | number)[]) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node: Node | undefined = findNodeAtLocation(tree, path.slice(0, depth) as (string | number)[]);
      if (node) {
        const keyNode = node.parent?.type === 'property' ? node.parent : node;
        return positionOf(starts, keyNode.offset);
      }
    }
    return { line: 1, col: 1 };
  };
  return { document: { file, value, locate }, problems: [] };
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0
    ? '(root)'
    : path
        .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
        .join('')
        .replace(/^\./, '');
}

/** Turns a zod error over a document into located problems, each naming its JSON path. */
export function schemaProblems(document: JsonDocument, error: ZodError): ContentProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    return {
      file: document.file,
      ...document.locate(path),
      message: `${formatPath(path)}: ${issue.message}`,
      severity: 'error' as const,
    };
  });
}

export function problemAt(document: JsonDocument, path: (string | number)[], message: string, severity: 'error' | 'warning' = 'error'): ContentProblem {
  return { file: document.file, ...document.locate(path), message, severity };
}
