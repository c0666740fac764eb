// The one way this project talks to GitHub: @octokit/rest with the retry and throttling plugins,
// configured like GitHub Actions configures tools (token + API URL). Used by `mesh slo report`
// and by the custom Actions. Delays are options so tests against the local emulator stay fast.
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';

export const DEFAULT_API_URL = 'https://api.github.com';

export interface GitHubClientOptions {
  token: string;
  /** REST API root (`GITHUB_API_URL`); default https://api.github.com. */
  baseUrl?: string;
  userAgent?: string;
  /** Retries of 5xx answers and network errors (default 3), with quadratic backoff. */
  retries?: number;
  /** Backoff unit of those retries in ms (default 1000: waits 1 s, 4 s, 9 s). */
  retryBaseMs?: number;
  /** Retries after a primary or secondary rate limit (default 3). */
  rateLimitRetries?: number;
  /** Multiplier of `retry-after` / time-to-reset seconds, in ms (default 1000). */
  rateLimitBaseMs?: number;
  /** Give up instead of waiting longer than this for a rate limit to reset (default 900 s). */
  maxRateLimitWaitSeconds?: number;
  /** Minimum time between two write requests (GitHub asks for about 1 s; default 1000 ms). */
  writeIntervalMs?: number;
  /** Minimum time between two requests that notify people (issues, comments; plugin default 3000 ms). */
  notificationIntervalMs?: number;
  /** Abort a request that takes longer than this (default 60 000 ms); it is then retried. */
  timeoutMs?: number;
  /** Where warnings go (rate limits hit, retries); never receives the token. */
  log?: (message: string) => void;
}

export type GitHubClient = InstanceType<typeof RetryingOctokit>;

const RetryingOctokit = Octokit.plugin(retry, throttling);

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  if (!options.token) throw new Error('a GitHub token is required');
  const log = options.log ?? (() => {});
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const maxWait = options.maxRateLimitWaitSeconds ?? 900;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const retrying = retryCount < rateLimitRetries && retryAfter <= maxWait;
    log(`${kind} rate limit on ${request.method} ${request.url}: ${retrying ? `retrying after ${retryAfter} s` : 'giving up'}`);
    return retrying;
  };
  return new RetryingOctokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'mesh-contracts',
    log: { debug: () => {}, info: () => {}, warn: (m: string) => log(m), error: (m: string) => log(m) },
    request: {
      fetch: (url: string, init: RequestInit) => fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(timeoutMs) }),
    },
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
    throttle: {
      id: `mesh-${Math.random().toString(36).slice(2)}`,
      retryAfterBaseValue: options.rateLimitBaseMs ?? 1000,
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.writeIntervalMs ?? 1000 }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.notificationIntervalMs ?? (options.writeIntervalMs ?? 1000) * 3 }),
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
    },
  });
}

/** HTTP status of an Octokit error (0 when it is not an HTTP error). */
export function httpStatus(err: unknown): number {
  return typeof err === 'object' && err !== null && typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 0;
}

/** A one-line message for an Octokit error, without request headers (so never the token). */
export function errorMessage(err: unknown): string {
  const status = httpStatus(err);
  const message = err instanceof Error ? err.message : String(err);
  return status ? `HTTP ${status}: ${message}` : message;
}
