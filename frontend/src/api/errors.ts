import { parseProblem, PROBLEM_MEDIA_TYPE, type InputValidationIssue, type Problem } from './problem';

/**
 * A failed API call. `problem` is the server's problem document when it sent one; otherwise a
 * stand-in without `detail` text, and the UI falls back to its own generic message.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null) {
    super(problem?.detail ?? `HTTP ${String(status)}`);
    this.status = status;
    this.problem = problem;
  }

  /** The server's localised explanation, when there is one. */
  get detail(): string | undefined {
    return this.problem?.detail;
  }

  /** The rule of the guidance that refused the request (e.g. `R-MEM-3`). */
  get rule(): string | undefined {
    return this.problem?.rule;
  }

  get issues(): readonly InputValidationIssue[] {
    return this.problem?.issues ?? [];
  }

  /** Seconds to wait before trying again (429, 503), from the body or the `Retry-After` header. */
  get retryAfterSec(): number | undefined {
    return this.problem?.retryAfterSec;
  }

  get type(): string | undefined {
    return this.problem?.type;
  }

  /** The access token was expired or revoked (401 `expiredAccessToken`/`invalidAccessToken`). */
  get isTokenProblem(): boolean {
    return (
      this.type === 'urn:problem-type:belgif:expiredAccessToken' ||
      this.type === 'urn:problem-type:belgif:invalidAccessToken'
    );
  }

  /** The problem's code: the last part of its `type` URN (`invalidCredentials`, …). */
  get code(): string | undefined {
    return this.type?.split(':').at(-1);
  }
}

function retryAfterFromHeader(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isInteger(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Build the `ApiError` for a non-2xx response whose body openapi-fetch has already parsed. */
export function toApiError(response: Response, body: unknown): ApiError {
  const contentType = response.headers.get('Content-Type') ?? '';
  const isProblem = contentType.split(';')[0]?.trim().toLowerCase() === PROBLEM_MEDIA_TYPE;
  const problem = isProblem ? parseProblem(body, response.status) : null;
  if (problem && problem.retryAfterSec === undefined) {
    const retryAfterSec = retryAfterFromHeader(response);
    if (retryAfterSec !== undefined) problem.retryAfterSec = retryAfterSec;
  }
  return new ApiError(response.status, problem);
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call, or throw its `ApiError`: the one way query hooks read results. */
export function unwrap<T>(result: FetchResult<T>): T {
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) throw toApiError(response, error);
  return data as T;
}
