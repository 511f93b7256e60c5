// Finds every regular expression written in the source (literals and `new RegExp(...)`) and the ones safe-regex2
// does not pass: nested repetition, which can take exponential time. A regex it refuses, or one built at run time
// from something other than a written pattern (whose interpolations are read as plain words), must say in a comment
// just above it (or on its line) why it is linear: "linear: …".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import safeRegex from 'safe-regex2';
import ts from 'typescript';

export interface RegexFinding {
  /** file:line */
  where: string;
  pattern: string;
  /** Why it needs a look: the checker refused it, or it is built at run time. */
  reason: 'refused by safe-regex2' | 'built at run time';
}

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.tsx?$/.test(name)) yield full;
  }
}

/** The comment lines just above a line (and the line itself) say why the regex on it is linear. */
function explainsLinearity(lines: string[], index: number): boolean {
  if (/\/[/*].*linear:/.test(lines[index] ?? '')) return true;
  for (let above = index - 1; above >= 0; above--) {
    const line = lines[above]!.trim();
    if (!/^(\/\/|\/\*\*?|\*)/.test(line)) return false;
    if (line.includes('linear:')) return true;
  }
  return false;
}

/** A pattern written as a string or a template, each of its interpolations read as a plain word. */
function writtenPattern(node: ts.Expression | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => `x${span.literal.text}`).join('');
  return undefined;
}

/** The regexes of one file's text that need an explanation and have none. */
export function unexplainedRegexes(fileName: string, text: string): RegexFinding[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const lines = text.split('\n');
  const findings: RegexFinding[] = [];
  const report = (node: ts.Node, pattern: string, reason: RegexFinding['reason']) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line;
    if (!explainsLinearity(lines, line)) findings.push({ where: `${fileName}:${line + 1}`, pattern, reason });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const pattern = node.text.slice(1, node.text.lastIndexOf('/'));
      if (!safeRegex(pattern)) report(node, pattern, 'refused by safe-regex2');
    } else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp') {
      const pattern = writtenPattern(node.arguments?.[0]);
      if (pattern === undefined) report(node, node.getText(), 'built at run time');
      else if (!safeRegex(pattern)) report(node, pattern, 'refused by safe-regex2');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

export function auditRegexes(root: string): RegexFinding[] {
  return [...sourceFiles(root)].flatMap((file) => unexplainedRegexes(path.relative(path.dirname(root), file), readFileSync(file, 'utf8')));
}
