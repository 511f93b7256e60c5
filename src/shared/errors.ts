// One small error hierarchy with stable codes, mapped once to HTTP statuses and socket acks.

export const ErrorCodes = {
  invalid_payload: 400,
  message_too_long: 413,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  rate_limited: 429,
  /** Pictures: a file that is not a JPEG, PNG, WebP or GIF (by its content), too big, one too many, a dead link. */
  unsupported_media_type: 415,
  payload_too_large: 413,
  too_many_attachments: 409,
  link_expired: 410,
  content_invalid: 422,
  /** The store holds as many conversations as it may (MAX_CONVERSATIONS): a new one waits until room is made. */
  capacity_reached: 503,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  get status(): number {
    return ErrorCodes[this.code];
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export interface ContentProblem {
  file: string;
  line: number;
  col: number;
  message: string;
  severity: 'error' | 'warning';
}

export function formatProblem(problem: ContentProblem): string {
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${problem.file}:${problem.line}:${problem.col} ${prefix}${problem.message}`;
}

export class ContentError extends AppError {
  constructor(readonly problems: ContentProblem[]) {
    super('content_invalid', `content has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
  }
}
