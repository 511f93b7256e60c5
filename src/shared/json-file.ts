// Parses a content file as JSON; a problem found in it points at a line and column, from a syntax tree built then.
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

/** The first syntax error of a text JSON.parse refused, located; only the first is reliable, the rest follow from it. */
function syntaxProblem(file: string, text: string, refusal: unknown): ContentProblem {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  const message = first ? `invalid JSON: ${printParseErrorCode(first.error)}` : `invalid JSON: ${(refusal as Error).message}`;
  return { file, ...positionOf(lineStarts(text), first?.offset ?? 0), message, severity: 'error' };
}

export function parseJsonDocument(file: string, text: string): { document: JsonDocument; problems: [] } | { document?: undefined; problems: ContentProblem[] } {
  // JSON.parse builds the value (it keeps a "__proto__" key as plain data); the syntax tree that locates a problem
  // is built only when there is one, since a large file's tree costs many times its text in memory.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (refusal) {
    return { problems: [syntaxProblem(file, text, refusal)] };
  }
  let located: { tree: Node | undefined; starts: number[] } | undefined;
  const locate = (path: readonly (string | number)[]) => {
    located ??= { tree: parseTree(text), starts: lineStarts(text) };
    const { tree, starts } = located;
    for (let depth = path.length; tree && depth >= 0; depth--) {
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
