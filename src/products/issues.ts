// A parse failure in a few words, for logs and errors: the first issues with their paths.
import { z } from 'zod';

export function describeIssues(error: unknown): string {
  if (error instanceof z.ZodError)
    return error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
  return error instanceof Error ? error.message : String(error);
}
