// Reads the content folders' files: lists them, parses and validates each one, and collects every problem found.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ZodType } from 'zod';
import type { ContentProblem } from '../shared/index.js';
import { parseJsonDocument, schemaProblems, type JsonDocument } from '../shared/index.js';

export async function listJson(directory: string): Promise<string[]> {
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

export async function listFolders(directory: string): Promise<string[]> {
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

export class ContentReader {
  readonly problems: ContentProblem[] = [];
  constructor(readonly contentDir: string) {}

  /** Reads and validates one file; undefined (with problems recorded) when it is missing or invalid. */
  async read<T>(relative: string, schema: ZodType<T>, optional = false): Promise<{ value: T; document: JsonDocument } | undefined> {
    let text: string;
    try {
      text = await readFile(path.join(this.contentDir, relative), 'utf8');
    } catch {
      if (!optional) this.problems.push({ file: relative, line: 1, col: 1, message: 'file is missing', severity: 'error' });
      return undefined;
    }
    const parsed = parseJsonDocument(relative, text);
    if (!parsed.document) {
      this.problems.push(...parsed.problems);
      return undefined;
    }
    const result = schema.safeParse(parsed.document.value);
    if (!result.success) {
      this.problems.push(...schemaProblems(parsed.document, result.error));
      return undefined;
    }
    return { value: result.data, document: parsed.document };
  }
}
