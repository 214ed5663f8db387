/**
 * RFC 9457 problem details as Tafel's API sends them (Belgif profile, see API.md). Written by hand
 * until the contract declares its Problem schema; then replace with the generated type.
 */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export interface InputValidationIssue {
  type: string;
  title: string;
  detail: string;
  in: 'body' | 'path' | 'query' | 'header' | (string & {});
  name?: string;
  value?: unknown;
  rule?: string;
  /** For privacy findings: the kind of identifier found in free text. */
  kind?: string;
  /** Offsets of a finding in the text, end exclusive. */
  start?: number;
  end?: number;
}

export interface Problem {
  type: string;
  href?: string;
  title: string;
  status: number;
  /** Already in the request's language: show it as it is. */
  detail: string;
  instance: string;
  /** The rule of the guidance that refused the request, e.g. `R-MEM-3`. */
  rule?: string;
  issues?: InputValidationIssue[];
  retryAfterSec?: number;
  limit?: number;
  requiredScopes?: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function parseIssue(value: unknown): InputValidationIssue | null {
  if (!isRecord(value) || typeof value.detail !== 'string') return null;
  const issue: InputValidationIssue = {
    type: optionalString(value.type) ?? 'about:blank',
    title: optionalString(value.title) ?? '',
    detail: value.detail,
    in: optionalString(value.in) ?? 'body',
  };
  const name = optionalString(value.name);
  const rule = optionalString(value.rule);
  const kind = optionalString(value.kind);
  const start = optionalNumber(value.start);
  const end = optionalNumber(value.end);
  if (name !== undefined) issue.name = name;
  if ('value' in value) issue.value = value.value;
  if (rule !== undefined) issue.rule = rule;
  if (kind !== undefined) issue.kind = kind;
  if (start !== undefined) issue.start = start;
  if (end !== undefined) issue.end = end;
  return issue;
}

/** Read a problem document defensively: a proxy or an old server may send anything. */
export function parseProblem(body: unknown, status: number): Problem | null {
  if (!isRecord(body) || typeof body.detail !== 'string') return null;
  const problem: Problem = {
    type: optionalString(body.type) ?? 'about:blank',
    title: optionalString(body.title) ?? '',
    status: optionalNumber(body.status) ?? status,
    detail: body.detail,
    instance: optionalString(body.instance) ?? '',
  };
  const href = optionalString(body.href);
  const rule = optionalString(body.rule);
  const retryAfterSec = optionalNumber(body.retryAfterSec);
  const limit = optionalNumber(body.limit);
  if (href !== undefined) problem.href = href;
  if (rule !== undefined) problem.rule = rule;
  if (retryAfterSec !== undefined) problem.retryAfterSec = retryAfterSec;
  if (limit !== undefined) problem.limit = limit;
  if (Array.isArray(body.issues)) {
    problem.issues = body.issues.map(parseIssue).filter((issue) => issue !== null);
  }
  if (Array.isArray(body.requiredScopes)) {
    problem.requiredScopes = body.requiredScopes.filter((s): s is string => typeof s === 'string');
  }
  return problem;
}
