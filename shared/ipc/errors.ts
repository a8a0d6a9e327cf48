/**
 * Errors that cross the IPC boundary. Handlers never throw raw errors at the
 * transport: the dispatcher turns every failure into a `PatronErrorData` so the
 * renderer, the HTTP bridge and unit tests all see the same typed shape.
 */
const errorCodes = [
  'invalid_request',
  'unknown_channel',
  'forbidden',
  'not_found',
  'conflict',
  'database_too_new',
  /** The database file cannot be used as it is: missing, empty, a directory, not Patron's, or read-only. */
  'database_file',
  /** Another program holds the database locked; trying again a moment later may work. */
  'busy',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorDetail {
  /** Dotted path into the request payload, e.g. `patch.status`. Empty for the whole payload. */
  path: string;
  message: string;
}

/** A message key of the catalogue's `errors` section and its parameters: the UI shows the error in its own language. */
export interface ErrorText {
  key: string;
  params?: Record<string, string | number>;
}

export interface PatronErrorData {
  code: ErrorCode;
  /** English, for logs, the CLI and callers that do not translate. */
  message: string;
  details?: ErrorDetail[];
  text?: ErrorText;
}

export class PatronError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  readonly text: ErrorText | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[], text?: ErrorText) {
    super(message);
    this.name = 'PatronError';
    this.code = code;
    this.details = details;
    this.text = text;
  }

  toData(): PatronErrorData {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}), ...(this.text ? { text: this.text } : {}) };
  }

  static fromData(data: PatronErrorData): PatronError {
    return new PatronError(data.code, data.message, data.details, data.text);
  }
}

export function isPatronErrorData(value: unknown): value is PatronErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && typeof v.code === 'string' && (errorCodes as readonly string[]).includes(v.code);
}

/** What every IPC call resolves to on the wire. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: PatronErrorData };
