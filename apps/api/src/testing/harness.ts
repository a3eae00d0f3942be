import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSRF_HEADER, cookies } from '@openofd/contract';
import {
  createDevSms,
  createSmtpMailer,
  type Database,
  type DevMailSink,
  initTestCa,
  listDevMessages,
  type Mailer,
  startDevMailSink,
  type TestCa,
} from '@openofd/core';
import { createTestDatabase } from '@openofd/core/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { ApiOptions } from '../context.js';

/** A movable clock for expiry tests. */
export class Clock {
  offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface Harness {
  app: FastifyInstance;
  database: Database;
  clock: Clock;
  ca: TestCa;
  caDir: string;
  client(): Client;
  /** Waits for the newest message to `to` (letters travel through the real SMTP sink). */
  lastMessage(to: string): Promise<{ subject: string | null; text: string; links: string[] }>;
  close(): Promise<void>;
}

export async function createHarness(overrides: Partial<ApiOptions> = {}): Promise<Harness> {
  const database = await createTestDatabase();
  const sink: DevMailSink = await startDevMailSink(database.db);
  const mailer: Mailer = createSmtpMailer(sink.url);
  const clock = new Clock();
  const caDir = mkdtempSync(join(tmpdir(), 'ofd-ca-'));
  const ca = await initTestCa(caDir);
  const trusted = [new X509Certificate(ca.certificate.toString('pem'))];
  const app = await buildApp({
    database,
    publicUrl: 'http://localhost:8080',
    mailer,
    sms: createDevSms(database.db),
    devMailbox: true,
    trustedCas: () => trusted,
    rateLimit: { max: 1000, timeWindowMs: 60_000 },
    now: clock.now,
    ...overrides,
  });
  return {
    app,
    database,
    clock,
    ca,
    caDir,
    client: () => new Client(app),
    async lastMessage(to) {
      for (let i = 0; i < 100; i++) {
        const [m] = await listDevMessages(database.db, { to });
        if (m) return m;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no message to ${to}`);
    },
    async close() {
      await app.close();
      mailer.close();
      await sink.close();
      await database.close();
      rmSync(caDir, { recursive: true, force: true });
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: test replies are read loosely; assertions check the shape.
type Json = any;

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A browser-like client: keeps cookies and echoes the CSRF cookie in the header. */
export class Client {
  readonly jar = new Map<string, string>();
  csrf = true;
  constructor(private readonly app: FastifyInstance) {}

  async request<T = Json>(method: string, url: string, payload?: unknown): Promise<Reply<T>> {
    if (method !== 'GET' && this.csrf && !this.jar.has(cookies.csrf)) await this.request('GET', '/api/csrf');
    const headers: Record<string, string> = {};
    if (this.jar.size > 0) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && this.csrf) headers[CSRF_HEADER] = this.jar.get(cookies.csrf) ?? '';
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
    const text = res.body;
    return {
      status: res.statusCode,
      body: (text && res.headers['content-type']?.toString().includes('json') ? JSON.parse(text) : text) as T,
      headers: res.headers,
    };
  }
  get<T = Json>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = Json>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body ?? {});
  }
  put<T = Json>(url: string, body: unknown) {
    return this.request<T>('PUT', url, body);
  }
  patch<T = Json>(url: string, body: unknown) {
    return this.request<T>('PATCH', url, body);
  }
}

export const STRONG = 'Secret-2026';

/** Signs up and confirms through the letter; returns a signed-in client. */
export async function signedUpUser(h: Harness, email: string, phone: string): Promise<Client> {
  const c = h.client();
  const r = await c.post('/api/auth/sign-up', { email, phone, password: STRONG });
  if (r.status !== 201) throw new Error(`sign-up ${r.status} ${JSON.stringify(r.body)}`);
  const letter = await h.lastMessage(email);
  const token = new URL(letter.links[0]!).searchParams.get('token');
  const ok = await c.post('/api/auth/confirm-email', { token });
  if (ok.status !== 200) throw new Error(`confirm ${ok.status}`);
  const s = await c.post('/api/auth/sign-in', { login: email, password: STRONG });
  if (s.status !== 200) throw new Error(`sign-in ${s.status} ${JSON.stringify(s.body)}`);
  return c;
}

export function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token')!;
}
